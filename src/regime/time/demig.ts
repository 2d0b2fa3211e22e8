/**
 * Codes a change of a policy value DEMIG-style (de Haas, Natter & Vezzoli 2015): policy area, tool,
 * target group and direction relative to the law in force. The direction of each field is a
 * judgement written once here, so every coded change can be traced back to it.
 */
import type { DemigCoding } from '../schema/vocabulary.ts';

type Direction = DemigCoding['direction'];

/** Which way a field makes policy more open: up (a bigger value is less restrictive) or down. */
type Openness = 'up' | 'down' | 'none';

interface FieldCoding {
  area: DemigCoding['area'];
  tool: string;
  target: DemigCoding['target'];
  openness: Openness;
}

const CHANNEL_TOOL: Record<string, [string, DemigCoding['target']]> = {
  labour: ['work_permit', 'low_skilled'],
  temporary_labour: ['temporary_work_permit', 'low_skilled'],
  intra_corporate: ['intra_corporate_transfer', 'high_skilled'],
  service_provider: ['service_provider_permit', 'high_skilled'],
  establishment: ['establishment_permit', 'investors_entrepreneurs'],
  family: ['family_reunification', 'family'],
  asylum: ['asylum_procedure', 'refugees_asylum'],
  irregular: ['regularisation', 'irregular'],
  free_movement: ['free_movement', 'specific_nationalities'],
};

// For each channel field: does a bigger (or true) value open the channel?
const CHANNEL_FIELD_OPENNESS: Record<string, Openness> = {
  open: 'up',
  quota: 'up',
  skills: 'up',
  requires_offer: 'down',
  employer_tied: 'down',
  permanent: 'up',
  duration_years: 'up',
  renewable: 'up',
  fee_usd: 'down',
  family_allowed: 'up',
  origins: 'up',
};

/** The coding of a field of a national policy, by its path; undefined for fields with no policy meaning. */
export function codeField(path: string): FieldCoding | undefined {
  const [head, a, b] = path.split('.');
  switch (head) {
    case 'channels': {
      const [tool, target] = CHANNEL_TOOL[a] ?? ['entry_permit', 'all_migrants'];
      return { area: 'legal_entry_stay', tool, target, openness: CHANNEL_FIELD_OPENNESS[b] ?? 'none' };
    }
    case 'visa':
      if (a === 'carrier_sanctions')
        return {
          area: 'border_land_control',
          tool: 'carrier_sanctions',
          target: 'all_migrants',
          openness: 'down',
        };
      // an exemption opens entry to the nationalities it names; a visa list or fee restricts it
      return {
        area: 'border_land_control',
        tool: 'visa',
        target: 'specific_nationalities',
        openness: a === 'exempt' ? 'up' : 'down',
      };
    case 'asylum': {
      const map: Record<string, [string, Openness]> = {
        tests: ['refugee_definition', 'up'],
        humanitarian_non_return: ['non_return', 'up'],
        non_returnable_status: ['status_of_non_returnable', 'none'],
        safe_third_country: ['safe_third_country', 'down'],
        accelerated_procedure: ['asylum_procedure', 'down'],
        detention: ['detention', 'down'],
      };
      const [tool, openness] = map[a] ?? ['asylum_procedure', 'none'];
      return {
        area: a === 'detention' ? 'border_land_control' : 'legal_entry_stay',
        tool,
        target: 'refugees_asylum',
        openness,
      };
    }
    case 'enforcement': {
      const map: Record<string, [DemigCoding['area'], string]> = {
        border: ['border_land_control', 'border_control'],
        interior: ['border_land_control', 'internal_control'],
        employer_sanctions: ['border_land_control', 'employer_sanctions'],
        externalised: ['border_land_control', 'externalised_border_control'],
      };
      const [area, tool] = map[a] ?? ['border_land_control', 'border_control'];
      return { area, tool, target: 'irregular', openness: 'down' };
    }
    case 'readmission_agreements':
      return { area: 'exit', tool: 'readmission_agreement', target: 'irregular', openness: 'down' };
    case 'rights':
      return {
        area: 'integration',
        tool: 'rights',
        target: a === 'recognised_refugee' || a === 'asylum_seeker' ? 'refugees_asylum' : 'all_migrants',
        openness: 'up',
      };
    case 'transitions': {
      const map: Record<string, [string, Openness, DemigCoding['area']]> = {
        years_to_long_term_residence: ['long_term_residence', 'down', 'integration'],
        years_to_naturalisation: ['citizenship', 'down', 'integration'],
        temporary_to_permanent: ['status_change', 'up', 'legal_entry_stay'],
        dual_citizenship: ['dual_citizenship', 'up', 'integration'],
        re_immigration_rights_retained: ['return_rights', 'up', 'exit'],
        absence_months_allowed: ['long_term_residence', 'up', 'integration'],
      };
      const [tool, openness, area] = map[a] ?? ['status_change', 'none', 'integration'];
      return { area, tool, target: 'all_migrants', openness };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a value moved towards openness. Null in a "years to…" field means "no route at all",
 * the most restrictive value; null in a quota means "no cap", the most open one.
 */
export function directionOf(path: string, openness: Openness, before: unknown, after: unknown): Direction {
  if (openness === 'none') {
    if (path === 'asylum.non_returnable_status') {
      const rank: Record<string, number> = {
        irregular: 0,
        rejected_non_returnable: 1,
        temporary_protection: 2,
      };
      return compare(rank[String(before)], rank[String(after)], 'up');
    }
    return 'neutral';
  }
  const nullMeans = path.endsWith('.quota') ? Infinity : -Infinity;
  const measure = (v: unknown): number | undefined => {
    if (v === undefined) return path.endsWith('.origins') ? Infinity : undefined; // no origin list = open to all
    if (v === null) return openness === 'down' ? -nullMeans : nullMeans;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') return v;
    if (v === 'all') return Infinity;
    if (v === 'none') return 0;
    if (Array.isArray(v)) return v.length;
    return undefined;
  };
  return compare(measure(before), measure(after), openness);
}

function compare(a: number | undefined, b: number | undefined, openness: Openness): Direction {
  if (a === undefined || b === undefined || a === b) return 'neutral';
  const opened = openness === 'up' ? b > a : b < a;
  return opened ? 'less_restrictive' : 'more_restrictive';
}
