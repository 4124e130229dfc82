// Test-only fault injection: lets a test stop a decision between its steps, as a crash would. Nothing
// in the API can set it; production leaves it empty.
export const faults: {
  /** Called after the envelope commitment and before the application becomes APPROVED. */
  afterCommit?: (applicationId: string) => void | Promise<void>;
  /** Called after a payment is marked on the application and before the envelope's `paid` follows. */
  afterPaymentMarked?: (applicationId: string) => void | Promise<void>;
  /** Called inside an envelope ledger step after its entry is written and before the envelope's counter moves. */
  afterLedgerEntry?: (applicationId: string) => void | Promise<void>;
  /** Called inside an envelope ledger step after the envelope's counter moved and before its entry is marked done. */
  afterEnvelopeCounted?: (applicationId: string) => void | Promise<void>;
  /** Called in a payment's convention check after the organisation's year total is read and before its guard is written. */
  afterFundingRead?: (applicationId: string) => void | Promise<void>;
} = {};
