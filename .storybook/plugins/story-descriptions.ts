/**
 * Story descriptions from the JSDoc comment above each story export, as @storybook/addon-docs'
 * CSF plugin would add them (it is not installed): the docs pages list every story with it.
 */
import ts from 'typescript';

/** Each exported story's JSDoc text by export name (stories without a comment are absent). */
export function storyDescriptions(source: string): Map<string, string> {
  const file = ts.createSourceFile('story.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const docs = ts.getJSDocCommentsAndTags(statement.declarationList.declarations[0]!);
    const text = docs
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join('\n')
      .trim();
    for (const declaration of statement.declarationList.declarations)
      if (ts.isIdentifier(declaration.name) && text)
        found.set(declaration.name.text, text.replace(/\s*\n\s*/g, ' '));
  }
  return found;
}

/**
 * The CSF source with `parameters.docs.description.story` set on each described story (an
 * explicit description in the story wins).
 */
export function withStoryDescriptions(source: string): string {
  const lines = [...storyDescriptions(source)].map(
    ([name, text]) =>
      `${name}.parameters = { ...${name}.parameters, docs: { ...${name}.parameters?.docs, ` +
      `description: { story: ${JSON.stringify(text)}, ...${name}.parameters?.docs?.description } } };`,
  );
  return lines.length ? `${source}\n${lines.join('\n')}\n` : source;
}
