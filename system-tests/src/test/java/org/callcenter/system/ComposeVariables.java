package org.callcenter.system;

import java.util.Map;

/**
 * Docker Compose's variable interpolation: {@code ${NAME}}, {@code ${NAME:-default}}
 * (unset or empty), {@code ${NAME-default}} (unset), {@code ${NAME:+alternative}} (set
 * and not empty), {@code ${NAME+alternative}} (set), defaults and alternatives may nest,
 * {@code $$} is a dollar.
 */
final class ComposeVariables {

	private ComposeVariables() {
	}

	static String interpolate(String text, Map<String, String> variables) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
				out.append('$');
				i += 2;
			}
			else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				int end = closingBrace(text, i + 2);
				out.append(expression(text.substring(i + 2, end), variables));
				i = end + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static String expression(String expression, Map<String, String> variables) {
		int operator = 0;
		while (operator < expression.length()
				&& (Character.isLetterOrDigit(expression.charAt(operator)) || expression.charAt(operator) == '_')) {
			operator++;
		}
		String name = expression.substring(0, operator);
		String value = variables.get(name);
		String rest = expression.substring(operator);
		boolean set = value != null;
		boolean nonEmpty = set && !value.isEmpty();
		if (rest.isEmpty()) {
			return set ? value : "";
		}
		if (rest.startsWith(":-")) {
			return nonEmpty ? value : interpolate(rest.substring(2), variables);
		}
		if (rest.startsWith("-")) {
			return set ? value : interpolate(rest.substring(1), variables);
		}
		if (rest.startsWith(":+")) {
			return nonEmpty ? interpolate(rest.substring(2), variables) : "";
		}
		if (rest.startsWith("+")) {
			return set ? interpolate(rest.substring(1), variables) : "";
		}
		throw new IllegalArgumentException("unsupported interpolation ${" + expression + "}");
	}

	private static int closingBrace(String text, int from) {
		int depth = 1;
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) == '{') {
				depth++;
			}
			else if (text.charAt(i) == '}' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unclosed ${ in " + text);
	}

}
