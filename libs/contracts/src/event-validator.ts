import { EventEnvelope, eventEnvelopeSchema } from './envelope';
import { eventContracts } from './registry';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Validation = { valid: true; envelope: EventEnvelope } | { valid: false; reason: string };

/** Checks a message against the published contract: the envelope first, then the event's own schema. */
export class EventValidator {
  private readonly envelope: ValidateFunction;
  private readonly byType = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    this.envelope = ajv.compile(eventEnvelopeSchema);
    for (const contract of eventContracts) {
      this.byType.set(`${contract.type}@${contract.schemaVersion}`, ajv.compile(contract.schema));
    }
  }

  validate(value: unknown): Validation {
    if (!this.envelope(value)) return { valid: false, reason: `invalid envelope: ${describe(this.envelope)}` };
    const envelope = value as EventEnvelope;
    const validateData = this.byType.get(`${envelope.type}@${envelope.schemaVersion}`);
    if (!validateData) {
      return { valid: false, reason: `unknown event type ${envelope.type} v${envelope.schemaVersion}` };
    }
    if (!validateData(envelope.data)) {
      return { valid: false, reason: `invalid ${envelope.type} v${envelope.schemaVersion}: ${describe(validateData)}` };
    }
    return { valid: true, envelope };
  }
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}
