export function unescapeMarkdown(markdown: string): string;
