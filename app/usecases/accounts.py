"""Mail accounts: what a clerk does with the accounts the package is sent from."""

from __future__ import annotations

from app.submit import credentials
from app.submit.credentials import CredentialResult, CredentialStatus
from app.submit.records import SubmissionRecords


def remove_account(records: SubmissionRecords, account_id: int) -> CredentialResult | None:
    """Delete the account and its keyring entry (kept while another account uses the same
    user on the same server). None when there was no such account."""
    account = records.delete_account(account_id)
    if account is None:
        return None
    if not account.user or any(a.keyring_user == account.keyring_user
                               for a in records.accounts()):
        return CredentialResult(CredentialStatus.NOT_FOUND)
    return credentials.delete_password(account.user, account.host)
