package org.callcenter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.LocalRedis;

/**
 * What routing costs with several queues (issue 15): queue-service's own Lua scripts run
 * against a real Redis server (the embedded-redis binary, on a free port), in two set-ups
 * side by side in one server and one run, each in its own key space.
 * <ul>
 * <li><b>one queue</b> (the floor): {@code agents} agents online serving it, each taking
 * one caller at a time, and {@code callers} callers dialed: one with each agent, the rest
 * waiting;</li>
 * <li><b>{@code queues} queues</b>: the same agents, each serving two queues as primary
 * and one as backup, spread evenly (every queue has as many primaries and backups as the
 * next), and the same callers spread evenly over the queues.</li>
 * </ul>
 * The measured operation is the step that hands a waiting caller to an agent: an agent
 * ends its call ({@code end.lua}: the call ends, {@code drain_agent} finds the next
 * waiting caller for the agent). Then a new caller dials into the long line
 * ({@code dial.lua}), so the line keeps its length. The clock the scripts are given is
 * past every queue's backup delay, so each waiting caller can also go to a backup agent
 * ({@code agent_with_room} looks at both levels): the dearer case, and the one a line of
 * thousands is in. Rounds of each set-up alternate, so that a noisy moment of the machine
 * falls on both; the latencies are each script call's round trip as queue-service sees it
 * (Lettuce, EVALSHA), and the server's own time per script and the Redis commands each
 * ran come from {@code INFO commandstats}.
 *
 * <p>
 * The scripts are read from queue-service's sources
 * ({@code queue-service/src/main/resources/redis}, or the directory named by
 * {@code -Dscripts=DIR}) and each is prefixed with {@code lib.lua} as {@code CallScripts}
 * does, so the benchmark always runs the scripts of its own checkout. From the repository
 * root, after {@code ./mvnw -DskipTests package}:
 * {@code java -jar benchmarks/target/benchmarks-*-exec.jar routing [callers] [agents] [queues] [cycles]}
 * (defaults 10,000, 200, 20, 5,000). Writes {@code benchmarks/target/routing-results.md}.
 */
final class RoutingBenchmark {

	/** Every waiting caller has waited past it when the cycles run. */
	private static final long BACKUP_MS = 60_000;

	private static final int ROUNDS = 5;

	private static final Path SCRIPTS = Path
		.of(System.getProperty("scripts", "queue-service/src/main/resources/redis"));

	private final RedisCommands<String, String> redis;

	private final Map<String, String> shas = new HashMap<>();

	/** The scripts' clock: set-up at the real time, the cycles past the backup delay. */
	private long now = System.currentTimeMillis();

	private RoutingBenchmark(RedisCommands<String, String> redis) {
		this.redis = redis;
		String library = read("lib");
		for (String name : List.of("agent-online", "dial", "end")) {
			this.shas.put(name, redis.scriptLoad(library + "\n" + read(name)));
		}
		// the floor of every script call: lib.lua's own top level (reading the queues,
		// defining its functions) and the round trip
		this.shas.put("lib-only", redis.scriptLoad(library + "\nreturn {'OK'}"));
	}

	static void main(String[] args) throws Exception {
		int callers = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int agents = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int queues = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		int cycles = (args.length > 3) ? Integer.parseInt(args[3]) : 5_000;
		try (LocalRedis server = LocalRedis.ephemeral(FreePorts.next())) {
			RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				String report = new RoutingBenchmark(connection.sync()).run(callers, agents, queues, cycles);
				System.out.println();
				System.out.println(report);
				Files.createDirectories(Path.of("benchmarks", "target"));
				Files.writeString(Path.of("benchmarks", "target", "routing-results.md"), report);
			}
			finally {
				client.shutdown();
			}
		}
		System.exit(0);
	}

	private String run(int callers, int agents, int queues, int cycles) {
		if (queues < 2 || agents < 1 || callers < agents) {
			throw new IllegalArgumentException("routing needs 2 queues or more (set beside one), an agent or more, "
					+ "and at least one caller per agent");
		}
		String version = this.redis.info("server")
			.lines()
			.filter((line) -> line.startsWith("redis_version:"))
			.findFirst()
			.orElse("redis_version:?")
			.substring("redis_version:".length());
		SetUp single = new SetUp("{bench-1q}", 1, agents);
		SetUp several = new SetUp("{bench-" + queues + "q}", queues, agents);
		for (SetUp setUp : List.of(single, several)) {
			say("setting up " + setUp.name() + ": " + agents + " agents online, " + callers + " callers dialed");
			setUp.fill(callers);
		}
		// every waiting caller has now waited past the backup delay
		this.now += BACKUP_MS + 1;
		int perRound = Math.max(1, cycles / ROUNDS);
		say("warming up: " + perRound + " cycles in each");
		for (SetUp setUp : List.of(single, several)) {
			setUp.measure(perRound, false);
		}
		Quiet.await();
		for (int round = 0; round < ROUNDS; round++) {
			say("round " + (round + 1) + " of " + ROUNDS + ": " + perRound + " cycles in each set-up");
			for (SetUp setUp : List.of(single, several)) {
				setUp.measure(perRound, true);
			}
		}
		for (SetUp setUp : List.of(single, several)) {
			setUp.check();
		}
		return report(single, several, callers, agents, queues, perRound * ROUNDS, version);
	}

	private String report(SetUp single, SetUp several, int callers, int agents, int queues, int cycles,
			String version) {
		MarkdownTable table = new MarkdownTable("script call", "set-up", "calls", "mean µs", "p50 µs", "p99 µs",
				"calls/s", "server µs per call", "Redis commands per call", "vs one queue (mean / p50 / server)");
		for (String op : List.of("end", "dial", "lib-only")) {
			for (SetUp setUp : List.of(single, several)) {
				Op figures = setUp.ops.get(op);
				Op floor = single.ops.get(op);
				table.row(label(op), setUp.name(), String.valueOf(figures.count()), micros(figures.mean()),
						String.valueOf(figures.percentile(50)), String.valueOf(figures.percentile(99)),
						MarkdownTable.rate(figures.perSecond()), micros(figures.serverMicrosPerCall()),
						String.format(Locale.ROOT, "%.1f", figures.commandsPerCall()),
						(setUp == single) ? "(floor)" : MarkdownTable.times(figures.mean(), floor.mean()) + " / "
								+ MarkdownTable.times(figures.percentile(50), floor.percentile(50)) + " / "
								+ MarkdownTable.times(figures.serverMicrosPerCall(), floor.serverMicrosPerCall()));
			}
		}
		MarkdownTable commands = new MarkdownTable("Redis command", "per end.lua, " + single.name(),
				"per end.lua, " + several.name());
		Op singleEnd = single.ops.get("end");
		Op severalEnd = several.ops.get("end");
		List<String> names = new ArrayList<>(severalEnd.commands.keySet());
		singleEnd.commands.keySet().stream().filter((name) -> !names.contains(name)).forEach(names::add);
		names.sort((a, b) -> Long.compare(severalEnd.commands.getOrDefault(b, 0L),
				severalEnd.commands.getOrDefault(a, 0L)));
		for (String name : names) {
			commands.row(name, perCall(singleEnd, name), perCall(severalEnd, name));
		}
		commands.row("all", String.format(Locale.ROOT, "%.1f", singleEnd.commandsPerCall()),
				String.format(Locale.ROOT, "%.1f", severalEnd.commandsPerCall()));
		Op end = several.ops.get("end");
		Op floor = single.ops.get("end");
		String verdict = "Target (issue 15): assignment (end.lua) with " + queues
				+ " queues at most 2× its cost with one: "
				+ MarkdownTable.times(end.serverMicrosPerCall(), floor.serverMicrosPerCall())
				+ " in the server's time per call, " + MarkdownTable.times(end.mean(), floor.mean())
				+ " in the mean round trip: "
				+ ((end.serverMicrosPerCall() <= 2 * floor.serverMicrosPerCall()) ? "met." : "NOT met.");
		return "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Redis "
				+ version + " (embedded-redis, no persistence), queue-service's scripts from " + SCRIPTS + ": " + agents
				+ " agents taking one caller each, " + callers + " callers dialed (" + (callers - agents)
				+ " waiting), one queue beside " + queues + " queues (each agent 2 primary + 1 backup); " + cycles
				+ " cycles per set-up in " + ROUNDS
				+ " alternating rounds after a warm-up round, each cycle an agent ending its call and taking the next "
				+ "waiting caller (end.lua), then a caller dialing into the line (dial.lua).\n\n" + table.render()
				+ "\nRedis commands the scripts ran, per end.lua (INFO commandstats over the measured rounds):\n\n"
				+ commands.render() + "\n" + verdict + "\n";
	}

	private static String label(String op) {
		return switch (op) {
			case "end" -> "end.lua: an agent ends its call and takes the next waiting caller";
			case "dial" -> "dial.lua: a caller dials into the long line";
			default -> "lib.lua alone (floor of every call: its top level and the round trip)";
		};
	}

	private static String perCall(Op op, String command) {
		return String.format(Locale.ROOT, "%.1f", (double) op.commands.getOrDefault(command, 0L) / op.count());
	}

	private static String micros(double micros) {
		return String.format(Locale.ROOT, "%.0f", micros);
	}

	private static String read(String name) {
		try {
			return Files.readString(SCRIPTS.resolve(name + ".lua"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no " + name + ".lua under " + SCRIPTS.toAbsolutePath()
					+ ": run from the repository root, or name the scripts' directory with -Dscripts=DIR", ex);
		}
	}

	private static void say(String message) {
		System.out.println("[routing] " + message);
	}

	/**
	 * The per-command counts of INFO commandstats:
	 * {@code cmdstat_zrange:calls=3,usec=...}.
	 */
	private Map<String, long[]> commandStats() {
		Map<String, long[]> stats = new HashMap<>();
		for (String line : this.redis.info("commandstats").lines().toList()) {
			if (!line.startsWith("cmdstat_")) {
				continue;
			}
			String name = line.substring("cmdstat_".length(), line.indexOf(':'));
			long calls = 0;
			long usec = 0;
			for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
				String[] pair = field.split("=");
				if (pair[0].equals("calls")) {
					calls = Long.parseLong(pair[1]);
				}
				else if (pair[0].equals("usec")) {
					usec = Long.parseLong(pair[1]);
				}
			}
			stats.put(name, new long[] { calls, usec });
		}
		return stats;
	}

	/** One set-up: its key space, queues and agents. */
	private final class SetUp {

		private final String keySpace;

		private final List<String> queues;

		private final String queueSpec;

		private final List<String> agents = new ArrayList<>();

		private final Map<String, Op> ops = new LinkedHashMap<>();

		private int dialed;

		/** The agent that ends a call next (in turn). */
		private int next;

		SetUp(String keySpace, int queues, int agents) {
			this.keySpace = keySpace;
			this.queues = IntStream.range(0, queues).mapToObj((q) -> "q" + q).toList();
			this.queueSpec = this.queues.stream()
				.map((q) -> q + ",0," + BACKUP_MS + ",0,0,")
				.collect(Collectors.joining(";"));
			for (int i = 0; i < agents; i++) {
				this.agents.add("agent-" + i);
			}
			for (String op : List.of("end", "dial", "lib-only")) {
				this.ops.put(op, new Op());
			}
		}

		String name() {
			return (this.queues.size() == 1) ? "1 queue" : this.queues.size() + " queues";
		}

		/**
		 * Agent i serves queues i and i + 1 as primary, i + 2 as backup (of the ring of
		 * queues).
		 */
		private String skills(int agent) {
			int n = this.queues.size();
			if (n < 3) {
				return this.queues.stream().map((q) -> q + ":1").collect(Collectors.joining(","));
			}
			return this.queues.get(agent % n) + ":1," + this.queues.get((agent + 1) % n) + ":1,"
					+ this.queues.get((agent + 2) % n) + ":2";
		}

		void fill(int callers) {
			for (int i = 0; i < this.agents.size(); i++) {
				ok(call("agent-online", this.agents.get(i), "Agent " + i, "0", "0", "0", skills(i)));
			}
			for (int i = 0; i < callers; i++) {
				ok(dial());
			}
			trimOutbox();
			long waiting = waiting();
			if (waiting != callers - this.agents.size()) {
				throw new IllegalStateException(name() + ": " + waiting + " callers waiting after the set-up, not "
						+ (callers - this.agents.size()));
			}
		}

		private List<Object> dial() {
			String id = this.keySpace.substring(1, this.keySpace.length() - 1) + "-call-" + this.dialed;
			String queue = this.queues.get(this.dialed % this.queues.size());
			this.dialed++;
			return call("dial", id, "Caller", "load", "audioVideo", "session-" + id,
					String.valueOf(RoutingBenchmark.this.now + 86_400_000L), queue);
		}

		/**
		 * {@code cycles} times: an agent (in turn) ends its call and takes the next
		 * waiting caller; then as many callers dial. Each script's calls are timed, and
		 * their server time and commands counted, when {@code counted}.
		 */
		void measure(int cycles, boolean counted) {
			// in passes of at most one cycle per agent: which call each agent of the pass
			// has is read ahead, untimed
			for (int done = 0; done < cycles;) {
				int pass = Math.min(this.agents.size(), cycles - done);
				String[][] ends = new String[pass][];
				for (int i = 0; i < pass; i++) {
					String agent = this.agents.get(this.next++ % this.agents.size());
					List<String> current = RoutingBenchmark.this.redis.zrange(key("agent", agent, "callers"), 0, 0);
					if (current.isEmpty()) {
						throw new IllegalStateException(name() + ": " + agent + " has no caller to end");
					}
					ends[i] = new String[] { agent, current.get(0) };
				}
				timed("end", pass, counted, (i) -> call("end", ends[i][0], ends[i][1], "", ""));
				timed("dial", pass, counted, (i) -> dial());
				timed("lib-only", pass, counted, (i) -> call("lib-only"));
				done += pass;
			}
			trimOutbox();
		}

		private void timed(String op, int cycles, boolean counted, IntFunction<List<Object>> script) {
			Map<String, long[]> before = commandStats();
			long[] micros = new long[cycles];
			long began = System.nanoTime();
			for (int i = 0; i < cycles; i++) {
				long start = System.nanoTime();
				List<Object> reply = script.apply(i);
				micros[i] = (System.nanoTime() - start) / 1_000;
				ok(reply);
			}
			long wall = System.nanoTime() - began;
			if (counted) {
				this.ops.get(op).add(micros, wall, before, commandStats());
			}
		}

		/** Every agent still has one caller and the line its length. */
		void check() {
			for (String agent : this.agents) {
				long load = RoutingBenchmark.this.redis.zcard(key("agent", agent, "callers"));
				if (load != 1) {
					throw new IllegalStateException(name() + ": " + agent + " has " + load + " callers");
				}
			}
		}

		private long waiting() {
			return this.queues.stream().mapToLong((q) -> RoutingBenchmark.this.redis.zcard(key("pending", q))).sum();
		}

		private void trimOutbox() {
			RoutingBenchmark.this.redis.xtrim(key("outbox"), 0);
		}

		private String key(String... parts) {
			return this.keySpace + ":" + String.join(":", parts);
		}

		/**
		 * ARGV as CallScripts passes it: now, cap, retention, the script's own, queues,
		 * trace.
		 */
		private List<Object> call(String script, String... own) {
			String[] argv = new String[own.length + 5];
			argv[0] = String.valueOf(RoutingBenchmark.this.now);
			argv[1] = "1";
			argv[2] = "3600";
			System.arraycopy(own, 0, argv, 3, own.length);
			argv[own.length + 3] = this.queueSpec;
			argv[own.length + 4] = "";
			return RoutingBenchmark.this.redis.evalsha(RoutingBenchmark.this.shas.get(script), ScriptOutputType.MULTI,
					new String[] { this.keySpace }, argv);
		}

		private void ok(List<Object> reply) {
			if (reply.isEmpty() || !"OK".equals(reply.get(0))) {
				throw new IllegalStateException(name() + ": a script refused: " + reply);
			}
		}

	}

	/** One script's measured calls in one set-up, over the rounds. */
	private static final class Op {

		private long[] micros = new long[0];

		private long wallNanos;

		private long serverMicros;

		private long scriptCalls;

		/** Redis commands the script ran (EVALSHA itself not counted), by name. */
		private final Map<String, Long> commands = new HashMap<>();

		void add(long[] latencies, long wall, Map<String, long[]> before, Map<String, long[]> after) {
			int at = this.micros.length;
			this.micros = Arrays.copyOf(this.micros, at + latencies.length);
			System.arraycopy(latencies, 0, this.micros, at, latencies.length);
			Arrays.sort(this.micros);
			this.wallNanos += wall;
			for (Map.Entry<String, long[]> entry : after.entrySet()) {
				long[] was = before.getOrDefault(entry.getKey(), new long[2]);
				long calls = entry.getValue()[0] - was[0];
				if (entry.getKey().equals("evalsha")) {
					this.scriptCalls += calls;
					this.serverMicros += entry.getValue()[1] - was[1];
				}
				else if (!entry.getKey().equals("info") && calls > 0) {
					this.commands.merge(entry.getKey(), calls, Long::sum);
				}
			}
		}

		int count() {
			return this.micros.length;
		}

		double mean() {
			return Arrays.stream(this.micros).average().orElse(0);
		}

		long percentile(double p) {
			return Figures.of(this.micros, 0, 0).percentile(p);
		}

		double perSecond() {
			return (this.wallNanos > 0) ? this.micros.length * 1e9 / this.wallNanos : 0;
		}

		double serverMicrosPerCall() {
			return (this.scriptCalls > 0) ? (double) this.serverMicros / this.scriptCalls : 0;
		}

		double commandsPerCall() {
			long all = this.commands.values().stream().mapToLong(Long::longValue).sum();
			return (this.micros.length > 0) ? (double) all / this.micros.length : 0;
		}

	}

}
