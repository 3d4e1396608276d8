/** Computes border distance bands off the main thread (see bands-client.ts). */
import { runBandsJob, type BandsJob } from './bands-client.ts';

self.onmessage = async (event: MessageEvent<BandsJob>) => {
  try {
    self.postMessage({ ok: true, bands: await runBandsJob(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};
