// Original file: proto/strata/gateway/v1/topic_state.proto

import type {
  ManagedLedgerLedger as _strata_gateway_v1_ManagedLedgerLedger,
  ManagedLedgerLedger__Output as _strata_gateway_v1_ManagedLedgerLedger__Output,
} from '../../../strata/gateway/v1/ManagedLedgerLedger.js';
import type { Long } from '@grpc/proto-loader';

export interface ManagedLedgerInfo {
  ledgers?: _strata_gateway_v1_ManagedLedgerLedger[];
  createdAtMs?: number | string | Long;
  properties?: { [key: string]: string };
}

export interface ManagedLedgerInfo__Output {
  ledgers: _strata_gateway_v1_ManagedLedgerLedger__Output[];
  createdAtMs: number;
  properties: { [key: string]: string };
}
