import type { Role } from '@cx/auth';

/** Plan, change and cancel activities, keep the register, check attendees in, run care services. */
export const COMMUNITY_STAFF: Role[] = ['community_staff', 'admin'];
/**
 * Residents act through internal systems: the call centre and the owners' app call with the agent role, or
 * community staff act for them at the desk. Registrations, offers, feedback, care requests and ratings.
 */
export const ON_RESIDENTS_BEHALF: Role[] = ['agent', 'community_staff', 'admin'];
/** Read activities, registrations, care services and the register. */
export const COMMUNITY_READERS: Role[] = ['community_staff', 'manager', 'ceo_office', 'auditor', 'admin'];
