export {
  applyDisclosureControl,
  type DisclosureOptions,
  type DisclosureRule,
  defaultDisclosureRule,
  disclosureOptions,
  disclosurePartitions,
  type Partitions,
} from "./disclosure.ts";
export { type LocalDisclosureInput, type LocalSuppression, localDisclosure, shareDisclosure } from "./local.ts";
export type { BlockDecision, Finding, Protection, Publication, Secrecy } from "./protect.ts";
export type { LineSelection, PublicationModel } from "./publication.ts";
export { type ChangedExtract, indicatorReads, linkedPublications, type PublicationReads } from "./scope.ts";
export { auditPublication, type PublicationInput, protectPublication, secrecyReason } from "./tables.ts";
