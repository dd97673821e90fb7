// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface Entry {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
  lac?: number | string | Long;
  payload?: Buffer | Uint8Array | string;
  crc32c?: number;
  requestId?: number | string | Long;
}

export interface Entry__Output {
  ledgerId: number;
  entryId: number;
  lac: number;
  payload: Buffer;
  crc32c: number;
  requestId: number;
}
