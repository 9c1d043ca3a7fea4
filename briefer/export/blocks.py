"""What the writer asks of the brief's blocks: does a block or a heading's section hold
anything to print (a heading with nothing under it is not exported as a bare heading)."""

from __future__ import annotations


def words(content: list) -> str:
    return "".join(
        str(n.get("text", ""))
        for n in content
        if isinstance(n, dict) and n.get("type") != "citation"
    )


def block_has_content(block: dict) -> bool:
    kind = block.get("type")
    if kind in ("paragraph", "quote"):
        return has_content(block.get("content") or [])
    if kind == "list":
        return any(
            isinstance(item, dict)
            and (
                has_content(item.get("content") or [])
                or any(
                    block_has_content(c) for c in item.get("children") or [] if isinstance(c, dict)
                )
            )
            for item in block.get("items") or []
        )
    if kind == "table":
        return any(isinstance(r, list) and r for r in block.get("rows") or [])
    return kind == "source_list"


def empty_headings(blocks: list[dict]) -> set[int]:
    """Indexes of headings with nothing under them before the next heading of their
    level or higher (sub-headings alone are not content)."""
    empty = set()
    for n, block in enumerate(blocks):
        if block.get("type") != "heading":
            continue
        level = block.get("level", 1)
        has = False
        for later in blocks[n + 1 :]:
            if later.get("type") == "heading":
                if later.get("level", 1) <= level:
                    break
                continue
            if block_has_content(later):
                has = True
                break
        if not has:
            empty.add(n)
    return empty


def next_is_source_list(blocks: list[dict], n: int) -> bool:
    for later in blocks[n + 1 :]:
        if later.get("type") == "source_list":
            return True
        if later.get("type") == "heading" or block_has_content(later):
            return False
    return False


def has_content(content: list) -> bool:
    for node in content:
        if isinstance(node, dict) and (
            node.get("type") == "citation" or str(node.get("text", "")).strip()
        ):
            return True
    return False
