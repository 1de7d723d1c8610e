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
