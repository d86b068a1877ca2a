import { isUuid, Province } from '@mutual-graph/platform';

const province = (value: unknown) => (typeof value === 'string' && Object.hasOwn(Province, value) ? value : undefined);

export const privacyReferences = {
  // Privacy records hang off any member id: the member subgraph answers whether the member exists.
  // Only a member id, and the provinces serviceProviders @requires (the query planner brings them
  // from the member subgraph): anything else a representation carries (a list, an object) names no one.
  Member: (representation: { id: unknown; practiceProvince?: unknown; contact?: { province?: unknown } | null }) =>
    isUuid(representation.id)
      ? {
          id: representation.id.toLowerCase(),
          practiceProvince: province(representation.practiceProvince),
          contact: representation.contact && typeof representation.contact === 'object' ? { province: province(representation.contact.province) } : null,
        }
      : null,
};
