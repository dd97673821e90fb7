import { InvalidArgumentError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import type { StorageNodeApi } from '../storage-node-api.js';
import { validateQuorums } from './distribution-schedule.js';
import { LedgerMetadataStore, lastSegment, type LedgerMetadata } from './ledger-metadata.js';
import { LedgerReader } from './ledger-reader.js';
import { recoverLedger } from './ledger-recovery.js';
import { LedgerWriter, type WriterContext } from './ledger-writer.js';
import { NodePool } from './node-pool.js';
import { NodeRegistry } from './node-registry.js';
import { readLac } from './read-lac.js';

export interface LedgerClientOptions {
  metadata: MetadataStore;
  logger?: Logger;
  /** A node that has not acked an entry within this is replaced. */
  addTimeoutMs?: number;
  /** Deadline of reads, fences and LAC requests. */
  requestTimeoutMs?: number;
  maxEntryBytes?: number;
  ensembleChangeTimeoutMs?: number;
  /** Storage nodes running in this process, reached by direct calls instead of gRPC. */
  localNodes?: ReadonlyMap<string, StorageNodeApi>;
}

export interface CreateLedgerOptions {
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
  properties?: Record<string, string>;
  /** Place the ledger on exactly these nodes (E of them) instead of choosing at random. */
  nodeIds?: string[];
}

function checkLedgerId(ledgerId: number): void {
  if (!Number.isSafeInteger(ledgerId) || ledgerId <= 0) {
    throw new InvalidArgumentError(
      `malformed ledger id ${String(ledgerId)}: must be a positive integer`,
    );
  }
}

/**
 * The ledger client: creates ledgers and writes them, opens them for reading with or without
 * recovery, deletes them. Gateways and tools hold one per process.
 */
export class LedgerClient {
  private readonly ctx: WriterContext;

  private constructor(
    private readonly registry: NodeRegistry,
    private readonly pool: NodePool,
    private readonly store: LedgerMetadataStore,
    options: LedgerClientOptions,
  ) {
    this.ctx = {
      pool,
      metadata: store,
      logger: options.logger,
      addTimeoutMs: options.addTimeoutMs ?? 10_000,
      maxEntryBytes: options.maxEntryBytes ?? 5 * 1024 * 1024,
      ensembleChangeTimeoutMs: options.ensembleChangeTimeoutMs ?? 30_000,
    };
  }

  static async create(options: LedgerClientOptions): Promise<LedgerClient> {
    const registry = await NodeRegistry.start(options.metadata, options.logger);
    const pool = new NodePool(registry, options.requestTimeoutMs ?? 5_000, options.localNodes);
    return new LedgerClient(registry, pool, new LedgerMetadataStore(options.metadata), options);
  }

  /** The live storage nodes this client knows of. */
  /** One node's own operations, for audits of what each replica holds (the chaos checker). */
  node(nodeId: string): StorageNodeApi {
    return this.pool.get(nodeId);
  }

  get nodes(): NodeRegistry {
    return this.registry;
  }

  async createLedger(options: CreateLedgerOptions): Promise<LedgerWriter> {
    validateQuorums(options.ensembleSize, options.writeQuorum, options.ackQuorum);
    const nodeIds = options.nodeIds ?? this.registry.choose(options.ensembleSize);
    if (
      new Set(nodeIds).size !== options.ensembleSize ||
      nodeIds.some((id) => !this.registry.get(id))
    ) {
      throw new InvalidArgumentError(
        `an ensemble needs ${options.ensembleSize} distinct registered nodes, got ${JSON.stringify(nodeIds)}`,
      );
    }
    const ledgerId = await this.store.allocateId();
    const metadata: LedgerMetadata = {
      ensembleSize: options.ensembleSize,
      writeQuorum: options.writeQuorum,
      ackQuorum: options.ackQuorum,
      status: 'OPEN',
      lastEntryId: -1,
      segments: [{ firstEntryId: 0, nodeIds }],
      createdAtMs: Date.now(),
      properties: options.properties ?? {},
      fencedAtMs: 0,
      fencedNodeIds: [],
    };
    const version = await this.store.create(ledgerId, metadata);
    this.ctx.logger?.debug({ ledgerId, nodeIds }, 'ledger created');
    return new LedgerWriter(this.ctx, {
      ledgerId,
      versioned: { metadata, version },
      nextEntryId: 0,
      lac: -1,
    });
  }

  /** Opens for reading without fencing: a live writer goes on, the reader sees up to its LAC. */
  async openLedger(ledgerId: number): Promise<LedgerReader> {
    checkLedgerId(ledgerId);
    const { metadata } = await this.store.read(ledgerId);
    const lac =
      metadata.status === 'CLOSED'
        ? metadata.lastEntryId
        : await readLac(this.ctx, ledgerId, lastSegment(metadata));
    return new LedgerReader(this.ctx, ledgerId, metadata, lac);
  }

  /** Reads the ledger `writer` is writing, up to the writer's own LAC, without asking the nodes. */
  readerOf(writer: LedgerWriter): LedgerReader {
    return new LedgerReader(
      this.ctx,
      writer.ledgerId,
      writer.metadata,
      () => writer.lastAddConfirmed,
    );
  }

  /** Fences and recovers the ledger, closes it, and opens it for reading. */
  async recoverLedger(ledgerId: number): Promise<LedgerReader> {
    checkLedgerId(ledgerId);
    const metadata = await recoverLedger(this.ctx, ledgerId);
    return new LedgerReader(this.ctx, ledgerId, metadata, metadata.lastEntryId);
  }

  /** The ledger's metadata as stored now. */
  async metadata(ledgerId: number): Promise<LedgerMetadata> {
    checkLedgerId(ledgerId);
    return (await this.store.read(ledgerId)).metadata;
  }

  /**
   * Deletes the ledger's entries from every node that holds some, then its metadata. A node that is
   * down keeps its copy; it is reported, not retried here.
   */
  async deleteLedger(ledgerId: number): Promise<{ unreachable: string[] }> {
    checkLedgerId(ledgerId);
    const { metadata } = await this.store.read(ledgerId);
    const nodes = [...new Set(metadata.segments.flatMap((s) => s.nodeIds))];
    const results = await Promise.allSettled(
      nodes.map(async (node) => this.pool.get(node).deleteLedger(ledgerId)),
    );
    const unreachable = nodes.filter((_, i) => results[i]?.status === 'rejected');
    await this.store.delete(ledgerId);
    if (unreachable.length > 0) {
      this.ctx.logger?.warn(
        { ledgerId, unreachable },
        'ledger deleted; some nodes were unreachable and keep a copy',
      );
    }
    return { unreachable };
  }

  close(): void {
    this.registry.close();
    this.pool.close();
  }
}
