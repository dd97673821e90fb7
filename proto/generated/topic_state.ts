import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  AckedRanges as _strata_gateway_v1_AckedRanges,
  AckedRanges__Output as _strata_gateway_v1_AckedRanges__Output,
} from './strata/gateway/v1/AckedRanges.js';
import type {
  CursorInfo as _strata_gateway_v1_CursorInfo,
  CursorInfo__Output as _strata_gateway_v1_CursorInfo__Output,
} from './strata/gateway/v1/CursorInfo.js';
import type {
  ManagedLedgerInfo as _strata_gateway_v1_ManagedLedgerInfo,
  ManagedLedgerInfo__Output as _strata_gateway_v1_ManagedLedgerInfo__Output,
} from './strata/gateway/v1/ManagedLedgerInfo.js';
import type {
  ManagedLedgerLedger as _strata_gateway_v1_ManagedLedgerLedger,
  ManagedLedgerLedger__Output as _strata_gateway_v1_ManagedLedgerLedger__Output,
} from './strata/gateway/v1/ManagedLedgerLedger.js';
import type {
  PartialAck as _strata_gateway_v1_PartialAck,
  PartialAck__Output as _strata_gateway_v1_PartialAck__Output,
} from './strata/gateway/v1/PartialAck.js';
import type {
  Position as _strata_gateway_v1_Position,
  Position__Output as _strata_gateway_v1_Position__Output,
} from './strata/gateway/v1/Position.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    gateway: {
      v1: {
        AckedRanges: MessageTypeDefinition<
          _strata_gateway_v1_AckedRanges,
          _strata_gateway_v1_AckedRanges__Output
        >;
        CursorInfo: MessageTypeDefinition<
          _strata_gateway_v1_CursorInfo,
          _strata_gateway_v1_CursorInfo__Output
        >;
        ManagedLedgerInfo: MessageTypeDefinition<
          _strata_gateway_v1_ManagedLedgerInfo,
          _strata_gateway_v1_ManagedLedgerInfo__Output
        >;
        ManagedLedgerLedger: MessageTypeDefinition<
          _strata_gateway_v1_ManagedLedgerLedger,
          _strata_gateway_v1_ManagedLedgerLedger__Output
        >;
        PartialAck: MessageTypeDefinition<
          _strata_gateway_v1_PartialAck,
          _strata_gateway_v1_PartialAck__Output
        >;
        Position: MessageTypeDefinition<
          _strata_gateway_v1_Position,
          _strata_gateway_v1_Position__Output
        >;
      };
    };
  };
}
