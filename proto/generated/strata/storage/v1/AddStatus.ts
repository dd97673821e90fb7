// Original file: proto/strata/storage/v1/storage.proto

export const AddStatus = {
  ADD_OK: 'ADD_OK',
  ADD_FENCED: 'ADD_FENCED',
  ADD_READ_ONLY: 'ADD_READ_ONLY',
  ADD_INVALID: 'ADD_INVALID',
  ADD_TOO_LARGE: 'ADD_TOO_LARGE',
  ADD_CHECKSUM_MISMATCH: 'ADD_CHECKSUM_MISMATCH',
  ADD_FAILED: 'ADD_FAILED',
} as const;

export type AddStatus =
  | 'ADD_OK'
  | 0
  | 'ADD_FENCED'
  | 1
  | 'ADD_READ_ONLY'
  | 2
  | 'ADD_INVALID'
  | 3
  | 'ADD_TOO_LARGE'
  | 4
  | 'ADD_CHECKSUM_MISMATCH'
  | 5
  | 'ADD_FAILED'
  | 6;

export type AddStatus__Output = (typeof AddStatus)[keyof typeof AddStatus];
