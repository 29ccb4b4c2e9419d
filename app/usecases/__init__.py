"""Use cases: one public function per thing a clerk does, shared by the window and the CLI.

Front ends (app/ui, app/cli.py) gather input, call one function here and show what comes back.
A use case takes the store and plain data, does the work through app/models, app/export and
app/submit, and returns results and findings. It never prints and never imports Qt. Long
actions take the progress and cancel callbacks the window's background helper passes.

What the clerk does, and where it is:

- `register`: check every record (`register_findings`), back up and restore the JSON data
  file (`export_data_file`, `import_data_file`), bring in a patent list (`check_patent_list`,
  `import_patent_rows`);
- `offers`: choose sheets by patent number (`offers_for_patents`), finalise them
  (`finalise_offers`), write their PDFs (`write_offer_documents`);
- `summary_list`: gather a batch (`gather_batch`) and write its 汇总表 (`write_summary_list`);
- `summary_book`: the book and the deal tables of a period (`book_files`, `write_book_files`);
- `submission`: what a target's package takes (`package_documents`, `choose_documents`,
  `ticked_contents`), check and build it (`check_package`, `build_and_record_package` — the
  Hubei, Henan or Xinyang package alike), send it (`send_mails`, `send_built_package`);
- `accounts`: remove a mail account with its keyring entry (`remove_account`).
"""
