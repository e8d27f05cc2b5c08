/**
 * The visitor side over HTTP (F-5): every method of `VisitorAdapter` is one row of
 * `visitorRoutes`, authenticated by the device token (`device.ts`). A refused token is forgotten,
 * so the device starts over as a new visitor instead of failing forever.
 */
import { AdapterError, type VisitorAdapter, type VisitorEvent } from '../adapter.js';
import {
  VISITOR_SOCKET_PATH,
  sessionRoutes,
  visitorRoutes,
  type VisitorCall,
  type RouteSpec,
} from '../contract/index.js';
import type { HttpAdapterOptions } from './agent.js';
import { callRoute, socketUrl } from './call.js';
import { DeviceIdentity, defaultDeviceStorage, type DeviceStorage } from './device.js';
import { LiveSocket } from './live-socket.js';
import { upload, type UploadTransport } from './upload.js';

export interface HttpVisitorAdapterOptions extends HttpAdapterOptions {
  /** The campaign whose chat widget this is. */
  campaignId: string;
  /** Where the device token is kept; default `localStorage` (memory when unavailable). */
  storage?: DeviceStorage;
}

/** A `VisitorAdapter` that can be closed and waited on (see `HttpAgentAdapter`). */
export interface HttpVisitorAdapter extends VisitorAdapter {
  settle(): Promise<void>;
  close(): void;
}

export function createHttpVisitorAdapter(options: HttpVisitorAdapterOptions): HttpVisitorAdapter {
  let closed = false;
  const device = new DeviceIdentity(
    options,
    options.campaignId,
    options.storage ?? defaultDeviceStorage(),
  );
  const transport: UploadTransport = {
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    XMLHttpRequest: options.XMLHttpRequest,
    async token(signal) {
      if (closed) throw new AdapterError('unavailable', 'This adapter was closed.');
      return device.token(signal);
    },
    unauthorized: () => device.forget(),
  };
  const live = new LiveSocket<VisitorEvent>({
    url: async () => socketUrl(options.baseUrl, VISITOR_SOCKET_PATH, await device.token()),
    WebSocket: options.WebSocket,
    reconnect: options.reconnect,
    onUnauthorized: () => {
      device.forget();
      return 'retry';
    },
  });

  const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(visitorRoutes) as VisitorCall[]) {
    const route = visitorRoutes[name] as unknown as RouteSpec<unknown[]>;
    calls[name] = (...args) => callRoute(transport, route, args);
  }
  const adapter: Omit<HttpVisitorAdapter, VisitorCall> = {
    upload: (file, o) =>
      upload(transport, {
        path: sessionRoutes.visitorUpload.path,
        file,
        fields: { purpose: o?.purpose },
        onProgress: o?.onProgress,
        signal: o?.signal,
      }) as ReturnType<VisitorAdapter['upload']>,
    subscribe: (listener) => live.subscribe(listener),
    settle: () => live.settle(),
    close() {
      closed = true;
      live.close();
    },
  };
  return Object.assign(calls, adapter) as unknown as HttpVisitorAdapter;
}
