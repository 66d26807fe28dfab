"""The per-document stages, one module each, in the order data flows."""
from __future__ import annotations

from ..config import Config
from ..pipeline import Stage


def default_stages(config: Config) -> list[Stage]:
    from .classify import ClassifyStage
    from .convert import ConvertStage
    from .decode import DecodeStage
    from .metadata import MetadataStage
    from .normalize import NormalizeStage
    from .record import RecordStage
    from .repair import RepairStage
    from .segment import JoinStage, SegmentStage

    return [
        DecodeStage(config),
        RepairStage(config),
        SegmentStage(config),
        ClassifyStage(config),
        MetadataStage(config),
        JoinStage(config),
        NormalizeStage(config),
        ConvertStage(config),
        RecordStage(config),
    ]
