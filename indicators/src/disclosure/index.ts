export {
  applyDisclosureControl,
  type DisclosureOptions,
  type DisclosureRule,
  defaultDisclosureRule,
  disclosureOptions,
  disclosurePartitions,
  type Partitions,
} from "./disclosure.ts";
