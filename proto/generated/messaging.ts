import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  Ack as _strata_v1_Ack,
  Ack__Output as _strata_v1_Ack__Output,
} from './strata/v1/Ack.js';
import type {
  ActiveChange as _strata_v1_ActiveChange,
  ActiveChange__Output as _strata_v1_ActiveChange__Output,
} from './strata/v1/ActiveChange.js';
import type {
  ConsumeRequest as _strata_v1_ConsumeRequest,
  ConsumeRequest__Output as _strata_v1_ConsumeRequest__Output,
} from './strata/v1/ConsumeRequest.js';
import type {
  ConsumeResponse as _strata_v1_ConsumeResponse,
  ConsumeResponse__Output as _strata_v1_ConsumeResponse__Output,
} from './strata/v1/ConsumeResponse.js';
import type {
  Delivery as _strata_v1_Delivery,
  Delivery__Output as _strata_v1_Delivery__Output,
} from './strata/v1/Delivery.js';
import type {
  EntryAcks as _strata_v1_EntryAcks,
  EntryAcks__Output as _strata_v1_EntryAcks__Output,
} from './strata/v1/EntryAcks.js';
import type {
  Flow as _strata_v1_Flow,
  Flow__Output as _strata_v1_Flow__Output,
} from './strata/v1/Flow.js';
import type {
  GetPartitionsRequest as _strata_v1_GetPartitionsRequest,
  GetPartitionsRequest__Output as _strata_v1_GetPartitionsRequest__Output,
} from './strata/v1/GetPartitionsRequest.js';
import type {
  GetPartitionsResponse as _strata_v1_GetPartitionsResponse,
  GetPartitionsResponse__Output as _strata_v1_GetPartitionsResponse__Output,
} from './strata/v1/GetPartitionsResponse.js';
import type {
  LookupRequest as _strata_v1_LookupRequest,
  LookupRequest__Output as _strata_v1_LookupRequest__Output,
} from './strata/v1/LookupRequest.js';
import type {
  LookupResponse as _strata_v1_LookupResponse,
  LookupResponse__Output as _strata_v1_LookupResponse__Output,
} from './strata/v1/LookupResponse.js';
import type {
  Message as _strata_v1_Message,
  Message__Output as _strata_v1_Message__Output,
} from './strata/v1/Message.js';
import type {
  MessageBatch as _strata_v1_MessageBatch,
  MessageBatch__Output as _strata_v1_MessageBatch__Output,
} from './strata/v1/MessageBatch.js';
import type {
  MessageId as _strata_v1_MessageId,
  MessageId__Output as _strata_v1_MessageId__Output,
} from './strata/v1/MessageId.js';
import type {
  MessagingClient as _strata_v1_MessagingClient,
  MessagingDefinition as _strata_v1_MessagingDefinition,
} from './strata/v1/Messaging.js';
import type {
  Nack as _strata_v1_Nack,
  Nack__Output as _strata_v1_Nack__Output,
} from './strata/v1/Nack.js';
import type {
  ProduceRequest as _strata_v1_ProduceRequest,
  ProduceRequest__Output as _strata_v1_ProduceRequest__Output,
} from './strata/v1/ProduceRequest.js';
import type {
  ProduceResponse as _strata_v1_ProduceResponse,
  ProduceResponse__Output as _strata_v1_ProduceResponse__Output,
} from './strata/v1/ProduceResponse.js';
import type {
  ProducerOpen as _strata_v1_ProducerOpen,
  ProducerOpen__Output as _strata_v1_ProducerOpen__Output,
} from './strata/v1/ProducerOpen.js';
import type {
  ProducerOpened as _strata_v1_ProducerOpened,
  ProducerOpened__Output as _strata_v1_ProducerOpened__Output,
} from './strata/v1/ProducerOpened.js';
import type {
  SendBatch as _strata_v1_SendBatch,
  SendBatch__Output as _strata_v1_SendBatch__Output,
} from './strata/v1/SendBatch.js';
import type {
  SendError as _strata_v1_SendError,
  SendError__Output as _strata_v1_SendError__Output,
} from './strata/v1/SendError.js';
import type {
  SendReceipt as _strata_v1_SendReceipt,
  SendReceipt__Output as _strata_v1_SendReceipt__Output,
} from './strata/v1/SendReceipt.js';
import type {
  Subscribe as _strata_v1_Subscribe,
  Subscribe__Output as _strata_v1_Subscribe__Output,
} from './strata/v1/Subscribe.js';
import type {
  Subscribed as _strata_v1_Subscribed,
  Subscribed__Output as _strata_v1_Subscribed__Output,
} from './strata/v1/Subscribed.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    v1: {
      Ack: MessageTypeDefinition<_strata_v1_Ack, _strata_v1_Ack__Output>;
      ActiveChange: MessageTypeDefinition<_strata_v1_ActiveChange, _strata_v1_ActiveChange__Output>;
      ConsumeRequest: MessageTypeDefinition<
        _strata_v1_ConsumeRequest,
        _strata_v1_ConsumeRequest__Output
      >;
      ConsumeResponse: MessageTypeDefinition<
        _strata_v1_ConsumeResponse,
        _strata_v1_ConsumeResponse__Output
      >;
      Delivery: MessageTypeDefinition<_strata_v1_Delivery, _strata_v1_Delivery__Output>;
      EntryAcks: MessageTypeDefinition<_strata_v1_EntryAcks, _strata_v1_EntryAcks__Output>;
      Flow: MessageTypeDefinition<_strata_v1_Flow, _strata_v1_Flow__Output>;
      GetPartitionsRequest: MessageTypeDefinition<
        _strata_v1_GetPartitionsRequest,
        _strata_v1_GetPartitionsRequest__Output
      >;
      GetPartitionsResponse: MessageTypeDefinition<
        _strata_v1_GetPartitionsResponse,
        _strata_v1_GetPartitionsResponse__Output
      >;
      InitialPosition: EnumTypeDefinition;
      LookupRequest: MessageTypeDefinition<
        _strata_v1_LookupRequest,
        _strata_v1_LookupRequest__Output
      >;
      LookupResponse: MessageTypeDefinition<
        _strata_v1_LookupResponse,
        _strata_v1_LookupResponse__Output
      >;
      Message: MessageTypeDefinition<_strata_v1_Message, _strata_v1_Message__Output>;
      MessageBatch: MessageTypeDefinition<_strata_v1_MessageBatch, _strata_v1_MessageBatch__Output>;
      MessageId: MessageTypeDefinition<_strata_v1_MessageId, _strata_v1_MessageId__Output>;
      Messaging: SubtypeConstructor<typeof grpc.Client, _strata_v1_MessagingClient> & {
        service: _strata_v1_MessagingDefinition;
      };
      Nack: MessageTypeDefinition<_strata_v1_Nack, _strata_v1_Nack__Output>;
      ProduceRequest: MessageTypeDefinition<
        _strata_v1_ProduceRequest,
        _strata_v1_ProduceRequest__Output
      >;
      ProduceResponse: MessageTypeDefinition<
        _strata_v1_ProduceResponse,
        _strata_v1_ProduceResponse__Output
      >;
      ProducerOpen: MessageTypeDefinition<_strata_v1_ProducerOpen, _strata_v1_ProducerOpen__Output>;
      ProducerOpened: MessageTypeDefinition<
        _strata_v1_ProducerOpened,
        _strata_v1_ProducerOpened__Output
      >;
      SendBatch: MessageTypeDefinition<_strata_v1_SendBatch, _strata_v1_SendBatch__Output>;
      SendError: MessageTypeDefinition<_strata_v1_SendError, _strata_v1_SendError__Output>;
      SendReceipt: MessageTypeDefinition<_strata_v1_SendReceipt, _strata_v1_SendReceipt__Output>;
      Subscribe: MessageTypeDefinition<_strata_v1_Subscribe, _strata_v1_Subscribe__Output>;
      Subscribed: MessageTypeDefinition<_strata_v1_Subscribed, _strata_v1_Subscribed__Output>;
      SubscriptionType: EnumTypeDefinition;
    };
  };
}
