"""No state outlives a compile: compiling the same pack again and again (as --watch does on every
save) leaves nothing behind that grows, so memory stays flat and a benchmark run after a compile
measures the same process as one run before it."""

from __future__ import annotations

import gc

import yaml

from game.content import compile_pack
from game.content.compiler import NodeCompiler, field_table, format_fields

from ..conftest import MINI


def constructors_holding_nodes() -> list[yaml.constructor.BaseConstructor]:
    gc.collect()
    return [obj for obj in gc.get_objects()
            if isinstance(obj, yaml.constructor.BaseConstructor) and obj.constructed_objects]


def test_no_yaml_constructor_keeps_nodes_after_a_compile():
    for _ in range(3):
        assert compile_pack(MINI).ok
    assert constructors_holding_nodes() == []


def test_each_file_compiles_with_a_constructor_of_its_own(monkeypatch):
    compilers: list[NodeCompiler] = []
    original = NodeCompiler.__init__

    def spy(self, file):
        original(self, file)
        compilers.append(self)

    monkeypatch.setattr(NodeCompiler, "__init__", spy)
    built = []
    for _ in range(3):
        start = len(compilers)
        assert compile_pack(MINI).ok
        built.append(sum(len(c.scalars.constructed_objects) for c in compilers[start:]))
    assert len({id(c.scalars) for c in compilers}) == len(compilers) == 3 * 2  # 2 files a pack
    assert built[0] > 0 and built == [built[0]] * 3  # each compile holds its own, no more


def test_the_field_tables_do_not_grow_with_each_compile():
    compile_pack(MINI)
    sizes = (format_fields.cache_info().currsize, field_table.cache_info().currsize)
    for _ in range(3):
        compile_pack(MINI)
    assert (format_fields.cache_info().currsize, field_table.cache_info().currsize) == sizes
