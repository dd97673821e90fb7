// Original file: proto/strata/storage/v1/storage.proto

export const ReadStatus = {
  READ_OK: 'READ_OK',
  READ_NO_ENTRY: 'READ_NO_ENTRY',
  READ_CORRUPT: 'READ_CORRUPT',
} as const;

export type ReadStatus = 'READ_OK' | 0 | 'READ_NO_ENTRY' | 1 | 'READ_CORRUPT' | 2;

export type ReadStatus__Output = (typeof ReadStatus)[keyof typeof ReadStatus];
