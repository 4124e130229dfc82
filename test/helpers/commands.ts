// What a piece of work asks of the database: the commands the driver sends, by name and collection
// (never their values). Tests use it to prove two paths do the same work (no account enumeration).
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

/** The commands (name and collection, no values) sent while `work` runs. */
export async function commandsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (e: CommandStartedEvent) => {
    const collection: unknown = e.command[e.commandName];
    seen.push(`${e.commandName} ${typeof collection === 'string' ? collection : ''}`.trim());
  };
  const client = mongoose.connection.getClient();
  client.on('commandStarted', listener);
  try {
    await work();
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}
