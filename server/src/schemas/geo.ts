import { z } from "zod";

/** A GeoJSON FeatureCollection of the Stadtteile; `attribution` carries the licence notice. */
export const featureCollectionSchema = z.looseObject({
  type: z.literal("FeatureCollection"),
  attribution: z.string().optional(),
  features: z.array(
    z.looseObject({
      type: z.literal("Feature"),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.looseObject({ type: z.string() }).nullable(),
    }),
  ),
});

export type FeatureCollection = z.infer<typeof featureCollectionSchema>;
