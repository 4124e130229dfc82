// The boot's repair of the vault (sweepVault): what a crash mid-upload or mid-delete leaves behind is deleted
// once older than the grace period, uploads still in flight are not touched, and usage is recounted.
import mongoose, { Types } from 'mongoose';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation } from '../../helpers/factories';
import { StorageUsageModel } from '../../../src/modules/document/document.model';
import { storeDocument, sweepVault, vaultBucket, VAULT_BUCKET } from '../../../src/modules/document/document.service';
import { pdf, vaultCounts } from './document-fixtures';

useTestDatabase();

describe('sweepVault', () => {
  it('deletes files no document uses and chunks without their file, keeps young ones and used ones, and recounts usage', async () => {
    const org = await makeOrganisation();
    const kept = await storeDocument({ organisationId: org._id, kind: 'STATUTES', filename: 'statuts.pdf', uploadedBy: null, source: pdf('gardé') });
    // A file whose record was never written (a crash between the two).
    const orphan = vaultBucket().openUploadStream('orphan');
    await pipeline(Readable.from([pdf('orphelin', 600 * 1024)]), orphan);
    // Chunks whose file document was never written (a crash mid-upload), with an old id.
    const old = new Types.ObjectId(
      Math.floor(Date.now() / 1000 - 7200)
        .toString(16)
        .padStart(8, '0') + '0000000000000000',
    );
    await mongoose.connection.db!.collection(`${VAULT_BUCKET}.chunks`).insertMany([0, 1].map((n) => ({ files_id: old, n, data: Buffer.alloc(10) })));
    // Usage drifted (a delete cut before it gave the bytes back).
    await StorageUsageModel.updateOne({ organisation: org._id }, { $set: { usedBytes: 999_999 } });

    // Within the grace period nothing moves: an upload may still be streaming.
    const before = await vaultCounts();
    expect(await sweepVault(3600_000)).toEqual({ files: 0, chunks: 2 });
    const afterYoung = await vaultCounts();
    expect(afterYoung.files).toBe(before.files);
    // An hour later, the orphan file goes too.
    const swept = await sweepVault(3600_000, new Date(Date.now() + 2 * 3600_000));
    expect(swept).toEqual({ files: 1, chunks: 0 });
    const after = await vaultCounts();
    expect(after.files).toBe(1);
    const chunks = await mongoose.connection.db!.collection(`${VAULT_BUCKET}.chunks`).distinct('files_id');
    expect(chunks.map(String)).toEqual([String(kept.fileId)]);
    expect((await StorageUsageModel.findOne({ organisation: org._id }).lean())!.usedBytes).toBe(kept.size);
  });
});
