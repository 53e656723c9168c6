import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** from-folder -> to-folder -> the files (repository paths) whose imports make that edge. */
export type FolderGraph = Map<string, Map<string, string[]>>;

/**
 * The node a file belongs to: the first folder below one of the roots (renderer/src/sync), or the file
 * itself when it sits directly in a root (e.g. main/serve/cli.ts).
 */
export function featureOf(repoPath: string, roots: readonly string[]): string | null {
  for (const root of roots) {
    if (!repoPath.startsWith(`${root}/`)) continue;
    const rest = repoPath.slice(root.length + 1).split('/');
    return rest.length > 1 ? `${root}/${rest[0]}` : repoPath.replace(/\.tsx?$/, '');
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, type-only and re-export) between features of the given roots. */
export function folderGraph(repoRoot: string, roots: readonly string[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const root of roots) {
    for (const file of sourceFiles(join(repoRoot, root))) {
      const from = featureOf(relative(repoRoot, file).split(sep).join('/'), roots);
      if (!from) continue;
      // The compiler's own scanner: imports inside comments or strings are not mistaken for real ones.
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = relative(repoRoot, resolve(dirname(file), fileName)).split(sep).join('/');
        const to = featureOf(`${target}.ts`, roots);
        if (!to || to === from) continue;
        const edges = graph.get(from) ?? new Map<string, string[]>();
        graph.set(from, edges);
        edges.set(to, [...(edges.get(to) ?? []), relative(repoRoot, file).split(sep).join('/')]);
      }
    }
  }
  return graph;
}

/** The groups of features that import each other in a circle (strongly connected components of 2+), sorted. */
export function cycles(graph: FolderGraph): string[][] {
  // Tarjan's algorithm; the graphs here have a few dozen nodes, so recursion depth is no concern.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The graph without the given edges ("from -> to"). */
export function withoutEdges(graph: FolderGraph, edges: ReadonlySet<string>): FolderGraph {
  const kept: FolderGraph = new Map();
  for (const [from, targets] of graph) {
    kept.set(from, new Map([...targets].filter(([to]) => !edges.has(`${from} -> ${to}`))));
  }
  return kept;
}
