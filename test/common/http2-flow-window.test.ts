import { connect } from 'node:http2';
import { Server } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { bindServer } from '../../services/common/grpc-server.js';
import { FLOW_CONTROL_WINDOW_BYTES } from '../../services/common/http2-flow-window.js';

describe('HTTP/2 flow-control windows of Strata servers', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('advertises the wider stream window and opens the wider connection window', async () => {
    const server = new Server();
    const port = await bindServer(server, '127.0.0.1', 0);
    cleanups.push(() => server.forceShutdown());
    const session = connect(`http://127.0.0.1:${port}`);
    cleanups.push(() => session.destroy());

    // The first SETTINGS carries HTTP/2's defaults; the widened window follows in a second one.
    await expect
      .poll(() => session.remoteSettings.initialWindowSize, { timeout: 5_000 })
      .toBe(FLOW_CONTROL_WINDOW_BYTES);
    // The connection window is raised by a WINDOW_UPDATE, which nghttp2 applies as it arrives.
    await expect
      .poll(() => session.state.remoteWindowSize, { timeout: 5_000 })
      .toBe(4 * FLOW_CONTROL_WINDOW_BYTES);
  });
});
