"""Submission: sealed copies, send targets, packages, the outbox, SMTP sending, credentials.

Headless (no Qt): the window runs the long parts on a worker thread, the command line calls the
same functions. Entry points:

- `sealing.attach_sealed_copy` — a scan (PDF, or JPG/PNG pages) of the stamped paper;
- `records.SubmissionRecords` — every submission write: targets, accounts, packages, outbox;
- `package.build_package` — check, then build the folder, zip, manifest and .eml drafts;
- `outbox.record_and_queue` / `outbox.queue_package` — outbox messages with their .eml;
- `smtp.send_outbox` — send with progress and cancel; retry is the same call;
- `credentials` — the password in the OS keyring, or a clear "no keyring" result.
"""
