// Readiness: a ping through the driver itself. Mongoose's readyState can lag the driver's view (and while
// it reads "disconnected" mongoose only queues operations), so /ready asks the driver, whose server
// selection also prompts its monitor to check the server again at once.
import mongoose from 'mongoose';

/** Pings the database through the driver, bypassing mongoose's queue; false when it does not answer in time. */
export async function pingDatabase(timeoutMs: number): Promise<boolean> {
  const client = mongoose.connection.getClient?.() as ReturnType<typeof mongoose.connection.getClient> | undefined;
  if (!client) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.db('admin').command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
