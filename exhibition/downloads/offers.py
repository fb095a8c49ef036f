"""What the object page's downloads panel offers (a read: nothing is generated here)."""

from dataclasses import dataclass

from django.urls import reverse

from exhibition.downloads.policy import downloadable_licence, refusal_reason
from exhibition.downloads.sizes import ImageSize, offered_sizes
from exhibition.licences import Licence, get_licence
from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D


@dataclass(frozen=True)
class SizeOffer:
    size: ImageSize
    url: str

    @property
    def is_full(self) -> bool:
        return self.size.name == "full"


@dataclass(frozen=True)
class ImageOffer:
    image: ObjectImage
    sizes: list[SizeOffer]


@dataclass(frozen=True)
class ModelOffer:
    model: ObjectModel3D
    url: str


@dataclass(frozen=True)
class DownloadPanel:
    licence: Licence | None
    credit_line: str
    images: list[ImageOffer]
    models: list[ModelOffer]
    # Why nothing is offered, when the licence does not allow it; empty otherwise.
    refusal: str

    @property
    def is_empty(self) -> bool:
        return not (self.images or self.models or self.refusal)


def image_download_url(obj: CollectionObject, image: ObjectImage, size: str) -> str:
    return reverse(
        "exhibition:image-download", kwargs={"slug": obj.slug, "pk": image.pk, "size": size}
    )


def model_download_url(obj: CollectionObject, model: ObjectModel3D) -> str:
    return reverse("exhibition:model-download", kwargs={"slug": obj.slug, "pk": model.pk})


def download_panel(
    obj: CollectionObject, *, images: list[ObjectImage], models: list[ObjectModel3D]
) -> DownloadPanel:
    """The offers for a public object's images and models, or the reason there are none."""
    licence = downloadable_licence(obj.licence)
    if licence is None:
        has_media = bool(images or models)
        return DownloadPanel(
            licence=get_licence(obj.licence),
            credit_line=obj.public_credit_line,
            images=[],
            models=[],
            refusal=refusal_reason(obj.licence) if has_media else "",
        )
    image_offers = [
        ImageOffer(
            image=image,
            sizes=[
                SizeOffer(size=size, url=image_download_url(obj, image, size.name))
                for size in offered_sizes(image.width, image.height)
            ],
        )
        for image in images
    ]
    return DownloadPanel(
        licence=licence,
        credit_line=obj.public_credit_line,
        images=[offer for offer in image_offers if offer.sizes],
        models=[ModelOffer(model=model, url=model_download_url(obj, model)) for model in models],
        refusal="",
    )
