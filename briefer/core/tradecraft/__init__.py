"""Analytic tradecraft checks: ICD 203 estimative language, ICD 206 sourcing, portion
marks (docs/TRADECRAFT.md).

Everything here is Qt-free and reads the brief document as is, so the command line
(`briefer lint`) and the editor's panel show the same findings. The pure checks live in
`lint.check`; `service.TradecraftService` adds the library: cited excerpts, dismissals
kept with the brief, and one-click fixes saved through the briefs service.

Import the modules themselves: this package imports nothing on purpose, so
core/document.py can use `portions` without a cycle.
"""
