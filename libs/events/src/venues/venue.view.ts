import { accessFeatureLabel } from '../access-features';
import { areaLabel } from '../areas';
import type { Venue } from './venue.entity';

export interface VenueView {
  id: string;
  name: string;
  address: string;
  postcode: string;
  area: string;
  areaLabel: string;
  capacity: number;
  accessFeatures: string[];
  accessFeatureLabels: string[];
  createdAt: string;
  updatedAt: string;
}

export function toVenueView(venue: Venue): VenueView {
  return {
    id: venue.id,
    name: venue.name,
    address: venue.address,
    postcode: venue.postcode,
    area: venue.area,
    areaLabel: areaLabel(venue.area),
    capacity: venue.capacity,
    accessFeatures: venue.accessFeatures,
    accessFeatureLabels: venue.accessFeatures.map(accessFeatureLabel),
    createdAt: venue.createdAt.toISOString(),
    updatedAt: venue.updatedAt.toISOString(),
  };
}
