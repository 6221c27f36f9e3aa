package org.weightlab.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a guided lesson: text to read; optionally a question the student answers before
 * anything runs; the actions the step performs when the student presses Next; the checks that
 * say, measured on the run, what actually happened.
 *
 * @param text    what to read and look at (plain text, never empty)
 * @param predict a "predict first" question, or null
 * @param actions what the step does, in order (may be empty: a step of text only)
 * @param checks  what is measured once the actions are done (may be empty)
 */
public record LessonStep(String text, Prediction predict, List<Action> actions, List<Check> checks) {

    public LessonStep {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a step needs text");
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /**
     * A question asked before the step's actions run.
     *
     * @param answer the index of the expected choice, or -1 when every answer is fine
     */
    public record Prediction(String question, List<String> choices, int answer) {
        public Prediction {
            if (question == null || question.isBlank()) {
                throw new IllegalArgumentException("a prediction needs a question");
            }
            choices = List.copyOf(choices);
            if (choices.size() < 2 || choices.size() > 4) {
                throw new IllegalArgumentException("a prediction has 2 to 4 choices, got " + choices.size());
            }
            if (answer < -1 || answer >= choices.size()) {
                throw new IllegalArgumentException("answer " + answer + " is not one of the " + choices.size()
                        + " choices (0 to " + (choices.size() - 1) + ")");
            }
        }
    }

    /** What an action does. */
    public enum Kind {
        /** Changes settings: {@code values} maps a setting's name to its new value. */
        SET("set"),
        /** Back to the run's start (step 0, its initial weights). */
        RESET("reset"),
        /** Trains {@code count} more epochs. */
        TRAIN("train"),
        /** Takes {@code count} optimizer steps. */
        STEP("step"),
        /** Freezes the weight layer {@code count} (0 is the first hidden layer). */
        FREEZE("freeze"),
        /** Switches to the data set {@code values.dataset}, keeping the weights when {@code keepWeights}. */
        DATA("data"),
        /** Opens the step-through view. */
        STEPPER("stepper"),
        /**
         * Races runs forked from the run as it is, differing in the setting {@code values.setting}
         * at the values {@link Action#raceValues()}, for {@code count} epochs.
         */
        RACE("race"),
        /** Opens the loss surface over two parameters (w and b for a network of one neuron). */
        SURFACE("surface"),
        /**
         * Moves the run to task B, the data set {@code values.dataset}, keeping its weights; from
         * then on epoch ends also carry task A's test loss and accuracy. {@code values.freezeBase}
         * ("true") freezes every weight layer but the last first; {@code values.lora} puts LoRA
         * adapters on ("layer:rank:alpha", as the setting {@code lora}).
         */
        MOVE("moveTo");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown action \"" + id + "\"");
        }
    }

    /**
     * One action. Only the fields its kind uses are set: {@code values} for SET and DATA,
     * {@code count} for TRAIN, STEP and FREEZE, {@code keepWeights} for DATA.
     */
    public record Action(Kind kind, Map<String, String> values, int count, boolean keepWeights) {
        public Action {
            values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public static Action set(Map<String, String> values) {
            return new Action(Kind.SET, values, 0, false);
        }

        public static Action of(Kind kind, int count) {
            return new Action(kind, Map.of(), count, false);
        }

        public static Action data(String dataset, boolean keepWeights) {
            return new Action(Kind.DATA, Map.of("dataset", dataset), 0, keepWeights);
        }

        /** A move to task B on {@code dataset}; {@code lora} may be null (no adapters). */
        public static Action move(String dataset, boolean freezeBase, String lora) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("dataset", dataset);
            v.put("freezeBase", String.valueOf(freezeBase));
            if (lora != null) {
                v.put("lora", lora);
            }
            return new Action(Kind.MOVE, v, 0, false);
        }

        /** True for a move to task B that freezes every layer but the last. */
        public boolean freezeBase() {
            return Boolean.parseBoolean(values.get("freezeBase"));
        }

        /** A race of {@code values} of {@code setting} (a race setting's id) for {@code epochs} epochs. */
        public static Action race(String setting, List<String> values, int epochs) {
            return race(setting, values, epochs, null);
        }

        /**
         * A race as {@link #race(String, List, int)}; a fine-tuning race also names its task B, the
         * data set {@code taskB} (null for other races).
         */
        public static Action race(String setting, List<String> values, int epochs, String taskB) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("setting", setting);
            v.put("values", String.join(VALUE_SEPARATOR, values));
            if (taskB != null) {
                v.put("taskB", taskB);
            }
            return new Action(Kind.RACE, v, epochs, false);
        }

        /** Between a race's values in {@code values} (values may hold commas: "8,8", "uniform(-1,1)"). */
        static final String VALUE_SEPARATOR = "|";

        /** The values a race compares, in order (empty for other kinds). */
        public List<String> raceValues() {
            String v = values.get("values");
            return v == null ? List.of() : List.of(v.split(java.util.regex.Pattern.quote(VALUE_SEPARATOR)));
        }

        /** As a student reads it: "train 30 epochs", "set lr = 3". */
        public String label() {
            return switch (kind) {
                case SET -> "set " + String.join(", ", values.entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).toList());
                case RESET -> "back to step 0";
                case TRAIN -> "train " + count + (count == 1 ? " epoch" : " epochs");
                case STEP -> "take " + count + (count == 1 ? " step" : " steps");
                case FREEZE -> "freeze layer " + (count + 1);
                case DATA -> "switch the data to " + values.get("dataset")
                        + (keepWeights ? ", keeping the weights" : ", starting fresh");
                case STEPPER -> "open the step-through";
                case SURFACE -> "open the loss surface";
                case MOVE -> "move to task B (" + values.get("dataset") + ") keeping the weights"
                        + (freezeBase() ? ", every layer but the last frozen" : "")
                        + (values.containsKey("lora") ? ", LoRA " + values.get("lora") : "");
                case RACE -> "race " + values.get("setting") + " " + String.join(" / ", raceValues())
                        + (values.containsKey("taskB") ? " on " + values.get("taskB") : "") + " for "
                        + count + (count == 1 ? " epoch" : " epochs");
            };
        }
    }

    /**
     * A measurement on the run and the bound it must meet: {@code measure} names what is measured
     * (see the lesson README), {@code layer} which layer where it matters, {@code step} the earlier
     * step (from 1) that a comparison is made with; 0 means the step before; {@code run} which run
     * of the step's race (from 0, in the order of its values).
     */
    public record Check(String measure, Double atLeast, Double atMost, int layer, int step, int run) {
        public Check {
            if (measure == null || measure.isBlank()) {
                throw new IllegalArgumentException("a check needs a measure");
            }
            if (layer < 0 || step < 0 || run < 0) {
                throw new IllegalArgumentException("layer, step and run are never negative");
            }
        }

        /** A check that names no run of a race. */
        public Check(String measure, Double atLeast, Double atMost, int layer, int step) {
            this(measure, atLeast, atMost, layer, step, 0);
        }

        public boolean accepts(double value) {
            return (atLeast == null || value >= atLeast) && (atMost == null || value <= atMost);
        }
    }
}
