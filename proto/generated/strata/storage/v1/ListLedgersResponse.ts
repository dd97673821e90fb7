// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ListLedgersResponse {
  ledgerIds?: (number | string | Long)[];
  more?: boolean;
}

export interface ListLedgersResponse__Output {
  ledgerIds: number[];
  more: boolean;
}
