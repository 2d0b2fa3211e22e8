/**
 * The closed vocabularies of the domain: channels of entry, legal statuses, rights, protection
 * outcomes. Documents, cases, rules and the simulation's tables all use these names.
 */
import { z } from 'zod';

/** Ways into a country (docs/model.md §3.4; docs/documents.md). */
export const CHANNELS = [
  'labour',
  'temporary_labour',
  'intra_corporate',
  'service_provider',
  'establishment',
  'family',
  'asylum',
  'irregular',
  'free_movement',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Legal statuses a person can hold in a country (docs/model.md §1). */
export const STATUSES = [
  'citizen',
  'permanent_resident',
  'temporary_worker',
  'intra_corporate_transferee',
  'service_provider',
  'self_employed',
  'family_member',
  'free_mover',
  'asylum_seeker',
  'recognised_refugee',
  'complementary_protection',
  'temporary_protection',
  'rejected_returnable',
  'rejected_non_returnable',
  'irregular',
  'long_term_resident',
  'naturalised',
  'returnee',
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Rights a status can carry (MIPEX-like strands; issue 3's minimum list first). */
export const RIGHTS = [
  'work',
  'family_reunification',
  'social_security',
  'permanent_residence',
  'dual_citizenship',
  're_immigration_retained',
  'vote_local',
  'equal_pay',
  'change_employer',
  'health_care',
  'education',
  'residence_security',
] as const;
export const Right = z.enum(RIGHTS);
export type Right = z.infer<typeof Right>;

/** Protection outcomes of an asylum decision. */
export const PROTECTIONS = ['refugee', 'complementary', 'temporary', 'none'] as const;
export const Protection = z.enum(PROTECTIONS);
export type Protection = z.infer<typeof Protection>;

/** Definitions of who is protected, each an instrument's test: 1951 Convention Art 1A(2), OAU 1969 Art I(2), Cartagena 1984 III(3), Zolberg, Suhrke & Aguayo 1989, Directive 2004/83/EC Art 15(c) (docs/regime-map.md). */
export const PROTECTION_TESTS = [
  'refugee-1951',
  'oau-1969',
  'cartagena-1984',
  'violence-criterion',
  'eu-subsidiary-15c',
] as const;
export const ProtectionTest = z.enum(PROTECTION_TESTS);
export type ProtectionTest = z.infer<typeof ProtectionTest>;

/** Skill levels of a person or a labour channel's target. */
export const SKILLS = ['low', 'medium', 'high'] as const;
/** Every skill as a bit mask (bit k = `SKILLS[k]`): what a channel without a skills list admits. */
export const ANY_SKILL = (1 << SKILLS.length) - 1;
export const Skill = z.enum(SKILLS);

/** Tiers of the world economy (docs/architecture.md §1 A: core, semi-periphery, dependent periphery). */
export const TIERS = ['core', 'semi_periphery', 'periphery'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

/** DEMIG policy areas (de Haas, Natter, Vezzoli 2015). */
export const DEMIG_AREAS = ['border_land_control', 'legal_entry_stay', 'integration', 'exit'] as const;
/** DEMIG-style target groups. */
export const DEMIG_TARGETS = [
  'all_migrants',
  'low_skilled',
  'high_skilled',
  'family',
  'refugees_asylum',
  'irregular',
  'international_students',
  'specific_nationalities',
  'investors_entrepreneurs',
  'diaspora',
  'citizens',
] as const;
/** Direction of a change relative to the law in force. */
export const DIRECTIONS = ['more_restrictive', 'less_restrictive', 'neutral'] as const;
/** DEMIG magnitude of a change. */
export const MAGNITUDES = ['major', 'mid_level', 'minor', 'fine_tuning'] as const;

/** A DEMIG-style coding of one policy change. */
export const DemigCoding = z.strictObject({
  area: z.enum(DEMIG_AREAS),
  tool: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a tool name in snake_case, e.g. work_permit'),
  target: z.enum(DEMIG_TARGETS),
  direction: z.enum(DIRECTIONS),
  magnitude: z.enum(MAGNITUDES).optional(),
});
export type DemigCoding = z.infer<typeof DemigCoding>;
