"""Submission: sealed copies, send targets, packages, the outbox, SMTP sending, credentials.

Headless (no Qt): the window runs the long parts on a worker thread, the command line calls the
same functions. Entry points:

- `sealing.attach_sealed_copy` / `remove_sealed_copy` — the scan of the stamped paper;
- `records.SubmissionRecords` — every submission write and query: targets, accounts,
  package items from generated documents, packages, outbox states, what was sent when;
- `package.build_package` — check everything, then the folder, zip, manifests, .eml drafts;
- `outbox.record_and_queue` / `queue_package` — outbox messages with their final .eml;
- `smtp.send_package` / `send_outbox` — send (and retry) with progress and cancel;
- `accounts` (presets, checks, `KeyringPassword`) and `credentials` (the password in the OS
  keyring, or a clear "no keyring" result); removing an account with its keyring entry is
  the use case `app.usecases.accounts.remove_account`.
"""
