/**
 * Customers appear in events and APIs only as a subject id minted by the confidentiality vault,
 * never as a name or phone number. The shape makes a pasted phone number or name fail validation.
 */
export const SUBJECT_ID_PATTERN = '^subj_[A-Za-z0-9]{8,64}$';
export const SUBJECT_ID_REGEX = new RegExp(SUBJECT_ID_PATTERN);
