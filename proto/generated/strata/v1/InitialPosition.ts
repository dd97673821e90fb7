// Original file: proto/strata/v1/messaging.proto

export const InitialPosition = {
  LATEST: 'LATEST',
  EARLIEST: 'EARLIEST',
} as const;

export type InitialPosition = 'LATEST' | 0 | 'EARLIEST' | 1;

export type InitialPosition__Output = (typeof InitialPosition)[keyof typeof InitialPosition];
