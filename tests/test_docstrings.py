"""Readable API: every public function, class and method of srb_core states its formula or rule in a docstring.

Public = no leading underscore, defined in that module (not imported into it). A dataclass's generated
signature ("Band(mean: float, …)") and the enum default text are no docstring.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import srb_core

GENERATED = ("An enumeration.",)


def _undocumented(name: str, obj: object) -> bool:
    doc = obj.__doc__ if inspect.isclass(obj) else inspect.getdoc(obj)
    if not doc or not doc.strip() or doc in GENERATED:
        return True
    return inspect.isclass(obj) and doc.startswith(f"{obj.__name__}(")  # dataclass / NamedTuple default


def _methods(cls: type):
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            yield name, member.fget
        elif isinstance(member, (classmethod, staticmethod)):
            yield name, member.__func__
        elif inspect.isfunction(member):
            yield name, member


def public_without_docstring() -> list[str]:
    """Qualified names of every public function/class/method in srb_core without a docstring."""
    missing = []
    for info in pkgutil.walk_packages(srb_core.__path__, "srb_core."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if obj.__module__ != module.__name__:
                continue
            if _undocumented(name, obj):
                missing.append(f"{module.__name__}.{name}")
            if inspect.isclass(obj):
                missing += [f"{module.__name__}.{name}.{m}" for m, f in _methods(obj) if _undocumented(m, f)]
    return sorted(missing)


def test_every_public_function_of_srb_core_has_a_docstring():
    missing = public_without_docstring()
    assert not missing, f"{len(missing)} public names in srb_core without a docstring:\n" + "\n".join(missing)
