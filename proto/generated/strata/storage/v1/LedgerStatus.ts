// Original file: proto/strata/storage/v1/ledger_metadata.proto

export const LedgerStatus = {
  OPEN: 'OPEN',
  IN_RECOVERY: 'IN_RECOVERY',
  CLOSED: 'CLOSED',
} as const;

export type LedgerStatus = 'OPEN' | 0 | 'IN_RECOVERY' | 1 | 'CLOSED' | 2;

export type LedgerStatus__Output = (typeof LedgerStatus)[keyof typeof LedgerStatus];
