"""Builds a tiny randomly initialised CLIP, saved as a sentence-transformers model, offline."""

import os
from pathlib import Path

LETTERS = "abcdefghijklmnopqrstuvwxyz"
WORDS = ("a", "red", "square", "grey", "ship", "portrait", "photo", "of")
PROJECTION_DIM = 16


def build_tiny_clip(folder: Path) -> Path:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.normalizers import Lowercase
    from tokenizers.pre_tokenizers import Whitespace
    from tokenizers.processors import TemplateProcessing
    from transformers import CLIPConfig, CLIPModel, CLIPProcessor, PreTrainedTokenizerFast
    from transformers.models.clip import CLIPImageProcessorPil

    # A word-level vocabulary (letters as words): enough to tell texts apart, built offline.
    vocab = {"<|startoftext|>": 0, "<|endoftext|>": 1}
    for word in [*WORDS, *LETTERS]:
        vocab.setdefault(word, len(vocab))
    backend = Tokenizer(WordLevel(vocab, unk_token="<|endoftext|>"))
    backend.normalizer = Lowercase()
    backend.pre_tokenizer = Whitespace()
    backend.post_processor = TemplateProcessing(
        single="<|startoftext|> $A <|endoftext|>",
        special_tokens=[("<|startoftext|>", 0), ("<|endoftext|>", 1)],
    )
    tokenizer = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=backend,
        unk_token="<|endoftext|>",
        bos_token="<|startoftext|>",
        eos_token="<|endoftext|>",
        pad_token="<|endoftext|>",
    )
    tiny = {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2}
    config = CLIPConfig(
        text_config={
            **tiny,
            "num_attention_heads": 2,
            "vocab_size": len(vocab),
            "max_position_embeddings": 77,
            "bos_token_id": 0,
            "eos_token_id": 1,
            "pad_token_id": 1,
        },
        vision_config={**tiny, "num_attention_heads": 2, "image_size": 32, "patch_size": 8},
        projection_dim=PROJECTION_DIM,
    )
    processor = CLIPProcessor(  # type: ignore[no-untyped-call]
        image_processor=CLIPImageProcessorPil(
            size={"shortest_edge": 32}, crop_size={"height": 32, "width": 32}
        ),
        tokenizer=tokenizer,
    )
    hf_folder = folder / "hf"
    CLIPModel(config).save_pretrained(hf_folder)
    processor.save_pretrained(hf_folder)
    model_folder = folder / "tiny-clip"
    SentenceTransformer(str(hf_folder), device="cpu").save(str(model_folder))
    return model_folder
