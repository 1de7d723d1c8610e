import { z } from "zod";

export const districtSchema = z.object({
  number: z.number().int(),
  name: z.string(),
  bezirk: z.string(),
});

export const districtsResponseSchema = z.object({
  districts: z.array(districtSchema),
  /** Stadtbezirke in the order of their first Stadtteil. */
  bezirke: z.array(z.string()),
});

export type District = z.infer<typeof districtSchema>;
export type DistrictsResponse = z.infer<typeof districtsResponseSchema>;
