// The YAML a reviewer would apply: the exported manifests of the baseline and of the design,
// diffed as text and per object.

import { exportManifests, type ExportOptions } from '../k8s/export.ts';
import type { Model } from '../model/types.ts';
import { yamlDiff, yamlDiffByObject, type ObjectDiff, type YamlDiff } from './yaml-diff.ts';

export interface ManifestDiff extends YamlDiff {
  baseYaml: string;
  newYaml: string;
  objects: ObjectDiff[];
}

export function manifestDiff(baseModel: Model, newModel: Model, opts: ExportOptions = {}): ManifestDiff {
  const baseYaml = exportManifests(baseModel, opts);
  const newYaml = exportManifests(newModel, opts);
  return { ...yamlDiff(baseYaml, newYaml), baseYaml, newYaml, objects: yamlDiffByObject(baseYaml, newYaml) };
}
