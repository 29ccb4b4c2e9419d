"""Use cases: one public function per thing a clerk does, shared by the window and the CLI.

Front ends (app/ui, app/cli.py) gather input, call one function here and show what comes back.
A use case takes the store and plain data, does the work through app/models, app/export and
app/submit, and returns results and findings. It never prints and never imports Qt. Long
actions take the progress and cancel callbacks the window's background helper passes.
"""
