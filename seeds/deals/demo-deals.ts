/*
 * The demo deals: thirteen deal rooms between the demo institutions and companies, told step by
 * step. Dates hang on today (calendar.ts): deals signed last year carry the stories that need
 * months of history (free use, revenue reports, instalments); deals signed this year are spread
 * over the months gone by, so that the dashboard has figures for this year, its quarters and
 * last year. Amounts are decimal strings in yuan.
 */
import type { Calendar } from './calendar';
import { housingTransfer, magnesiumAlloyOffer, magnesiumUfpl, storageEquity, visionLicence } from './demo-tto-deals';
import {
  engineGrant,
  herbLicence,
  hydrogenEquity,
  monitoringUfpl,
  pigHouseUfpl,
  platformTransfer,
  sortingUfpl,
  ultrasoundCancelled,
} from './institution-deals';
import type { DemoDeal } from './story';

/** Every demo deal, in the order they are created (which also decides the achievements they take). */
export function demoDeals(cal: Calendar): DemoDeal[] {
  return [
    magnesiumUfpl,
    visionLicence,
    magnesiumAlloyOffer,
    storageEquity,
    housingTransfer,
    sortingUfpl,
    pigHouseUfpl,
    herbLicence,
    platformTransfer,
    engineGrant,
    ultrasoundCancelled,
    monitoringUfpl,
    hydrogenEquity,
  ].map((deal) => deal(cal));
}

/** Income distribution policies the demo institutions have set (others keep the default 80 / 20). */
export const DEMO_POLICIES: { institution: string; teamFloorPercent: string; institutionCapPercent: string }[] = [
  { institution: 'cqu', teamFloorPercent: '85', institutionCapPercent: '15' },
  { institution: 'swu', teamFloorPercent: '90', institutionCapPercent: '10' },
];
