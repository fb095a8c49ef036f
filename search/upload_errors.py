"""What can be wrong with a visitor's photo, each with the HTTP status that says so."""


class UploadError(ValueError):
    status_code = 400
    # Seconds after which the same photo may succeed (sent as Retry-After); None: never.
    retry_after: int | None = None


class UnsupportedImage(UploadError):
    status_code = 415


class CorruptImage(UploadError):
    status_code = 400


class ImageTooLarge(UploadError):
    status_code = 413


class PhotoSearchBusy(UploadError):
    """Every byte this process lends to reading photos is in use: try again shortly."""

    status_code = 503

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
