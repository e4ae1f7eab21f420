import type { PlatformKind, PlatformStatus } from '../domain/vocabulary';
import type { PlatformService, ServicePlatform } from '../entities/service-platform.entity';

export interface ServiceView {
  id: string;
  platformId: string;
  title: string;
  description: string;
  fieldCodes: string[];
  trlFrom: number;
  trlTo: number;
  facilities: string;
  priceMin: string | null;
  priceMax: string | null;
  leadTimeDays: number;
  regionCode: string | null;
  active: boolean;
}

export interface PlatformView {
  id: string;
  name: string;
  kinds: PlatformKind[];
  description: string;
  regionCode: string | null;
  organisation: { id: string; name: string };
  services: ServiceView[];
}

/** What the platform's own members see: its standing with the operator too. */
export interface OwnPlatformView extends PlatformView {
  status: PlatformStatus;
  statusReason: string | null;
  verifiedAt: Date | null;
}

export function serviceView(row: PlatformService, platform: Pick<ServicePlatform, 'regionCode'>): ServiceView {
  return {
    id: row.id,
    platformId: row.platformId,
    title: row.title,
    description: row.description,
    fieldCodes: row.fieldCodes,
    trlFrom: row.trlFrom,
    trlTo: row.trlTo,
    facilities: row.facilities,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    leadTimeDays: row.leadTimeDays,
    regionCode: row.regionCode ?? platform.regionCode,
    active: row.active,
  };
}

export function platformView(row: ServicePlatform, orgName: string, services: PlatformService[]): PlatformView {
  return {
    id: row.id,
    name: row.name,
    kinds: row.kinds,
    description: row.description,
    regionCode: row.regionCode,
    organisation: { id: row.orgId, name: orgName },
    services: services.map((service) => serviceView(service, row)),
  };
}
