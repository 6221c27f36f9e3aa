package org.weightlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightlab.scenario.JsonIn.Obj;

/** The {@code "steps"} of a lesson block, read and written (the layout is in the lesson README). */
final class LessonStepCodec {

    private static final String[] ACTION_FIELDS = {"set", "reset", "train", "step", "freeze", "data", "stepper",
            "keepWeights", "race", "epochs", "surface", "moveTo", "freezeBase", "lora"};

    private LessonStepCodec() {
    }

    static List<LessonStep> readSteps(JsonIn in) {
        List<LessonStep> steps = new ArrayList<>();
        for (JsonIn s : in.array()) {
            steps.add(readStep(s));
        }
        if (steps.size() > 40) {
            throw in.bad("a lesson has at most 40 steps, this one " + steps.size());
        }
        return steps;
    }

    private static LessonStep readStep(JsonIn in) {
        Obj o = in.obj("text", "predict", "actions", "checks");
        String text = o.req("text").string();
        JsonIn p = o.opt("predict");
        LessonStep.Prediction predict = p == null ? null : readPrediction(p);
        List<LessonStep.Action> actions = new ArrayList<>();
        JsonIn a = o.opt("actions");
        if (a != null) {
            for (JsonIn one : a.array()) {
                actions.add(readAction(one));
            }
        }
        List<LessonStep.Check> checks = new ArrayList<>();
        JsonIn c = o.opt("checks");
        if (c != null) {
            for (JsonIn one : c.array()) {
                checks.add(readCheck(one));
            }
        }
        return JsonIn.build(o, () -> new LessonStep(text, predict, actions, checks));
    }

    private static LessonStep.Prediction readPrediction(JsonIn in) {
        Obj o = in.obj("question", "choices", "answer");
        String question = o.req("question").string();
        List<String> choices = new ArrayList<>();
        for (JsonIn c : o.req("choices").array()) {
            choices.add(c.string());
        }
        JsonIn answerIn = o.opt("answer");
        int answer = answerIn == null ? -1 : answerIn.integer(-1, 3);
        return JsonIn.build(o, () -> new LessonStep.Prediction(question, choices, answer));
    }

    private static LessonStep.Action readAction(JsonIn in) {
        Obj o = in.obj(ACTION_FIELDS);
        LessonStep.Kind kind = null;
        for (LessonStep.Kind k : LessonStep.Kind.values()) {
            if (o.has(k.id())) {
                if (kind != null) {
                    throw in.bad("an action does one thing: both \"" + kind.id() + "\" and \"" + k.id() + "\"");
                }
                kind = k;
            }
        }
        if (kind == null) {
            throw in.bad("an action needs one of: set, reset, train, step, freeze, data, stepper, race, surface, moveTo");
        }
        if (o.has("epochs") != (kind == LessonStep.Kind.RACE)) {
            throw in.bad("\"race\" needs \"epochs\" (how long the runs race), and \"epochs\" goes with \"race\" only");
        }
        if (o.has("keepWeights") && kind != LessonStep.Kind.DATA) {
            throw in.bad("keepWeights goes with \"data\" only");
        }
        if ((o.has("freezeBase") || o.has("lora")) && kind != LessonStep.Kind.MOVE) {
            throw in.bad("freezeBase and lora go with \"moveTo\" only");
        }
        JsonIn v = o.req(kind.id());
        return switch (kind) {
            case SET -> {
                Map<String, String> values = new LinkedHashMap<>();
                var fields = v.node.fieldNames();
                if (!v.node.isObject()) {
                    throw v.bad("expected an object of settings, got " + JsonIn.describe(v.node));
                }
                while (fields.hasNext()) {
                    String name = fields.next();
                    JsonIn value = new JsonIn(v.node.get(name), v.child(name));
                    values.put(name, value.node.isNumber() ? String.valueOf(value.number()) : value.string());
                }
                yield LessonStep.Action.set(values);
            }
            case RESET, STEPPER, SURFACE -> {
                if (!v.bool()) {
                    throw v.bad("only true makes sense here");
                }
                yield LessonStep.Action.of(kind, 0);
            }
            case TRAIN, STEP -> LessonStep.Action.of(kind, v.integer(1, 100_000));
            case FREEZE -> LessonStep.Action.of(kind, v.integer(0, 63));
            case DATA -> {
                JsonIn keep = o.opt("keepWeights");
                yield LessonStep.Action.data(v.string(), keep != null && keep.bool());
            }
            case RACE -> readRace(v, o.req("epochs").integer(1, 100_000));
            case MOVE -> {
                JsonIn freeze = o.opt("freezeBase");
                JsonIn lora = o.opt("lora");
                yield LessonStep.Action.move(v.string(), freeze != null && freeze.bool(),
                        lora == null ? null : lora.string());
            }
        };
    }

    private static LessonStep.Action readRace(JsonIn in, int epochs) {
        Obj o = in.obj("setting", "values", "taskB");
        String setting = o.req("setting").string();
        JsonIn taskBIn = o.opt("taskB");
        String taskB = taskBIn == null ? null : taskBIn.string();
        List<String> values = new ArrayList<>();
        for (JsonIn v : o.req("values").array()) {
            String value = v.node.isNumber() ? number(v.number()) : v.string();
            if (value.contains(LessonStep.Action.VALUE_SEPARATOR)) {
                throw v.bad("a race value cannot hold \"" + LessonStep.Action.VALUE_SEPARATOR + "\"");
            }
            values.add(value);
        }
        if (values.size() < 2 || values.size() > 4) {
            throw o.req("values").bad("a race compares 2 to 4 values, got " + values.size());
        }
        return JsonIn.build(o, () -> LessonStep.Action.race(setting, values, epochs, taskB));
    }

    /** 3 as "3", 0.03 as "0.03": as a person wrote it. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static LessonStep.Check readCheck(JsonIn in) {
        Obj o = in.obj("measure", "atLeast", "atMost", "layer", "step", "run");
        String measure = o.req("measure").string();
        JsonIn lo = o.opt("atLeast");
        JsonIn hi = o.opt("atMost");
        JsonIn layer = o.opt("layer");
        Double atLeast = lo == null ? null : lo.number();
        Double atMost = hi == null ? null : hi.number();
        int l = layer == null ? 0 : layer.integer(0, 63);
        JsonIn stepIn = o.opt("step");
        int step = stepIn == null ? 0 : stepIn.integer(1, 40);
        JsonIn runIn = o.opt("run");
        int run = runIn == null ? 0 : runIn.integer(0, 3);
        return JsonIn.build(o, () -> new LessonStep.Check(measure, atLeast, atMost, l, step, run));
    }

    static void writeSteps(JsonOut out, List<LessonStep> steps) {
        out.field("steps").startArray();
        for (LessonStep s : steps) {
            out.startObject();
            out.field("text", s.text());
            if (s.predict() != null) {
                out.field("predict").startObject();
                out.field("question", s.predict().question());
                out.field("choices").startInlineArray();
                s.predict().choices().forEach(out::value);
                out.endArray();
                if (s.predict().answer() >= 0) {
                    out.field("answer", s.predict().answer());
                }
                out.endObject();
            }
            if (!s.actions().isEmpty()) {
                out.field("actions").startArray();
                for (LessonStep.Action a : s.actions()) {
                    writeAction(out, a);
                }
                out.endArray();
            }
            if (!s.checks().isEmpty()) {
                out.field("checks").startArray();
                for (LessonStep.Check c : s.checks()) {
                    out.startInlineObject();
                    out.field("measure", c.measure());
                    if (c.atLeast() != null) {
                        out.field("atLeast", c.atLeast());
                    }
                    if (c.atMost() != null) {
                        out.field("atMost", c.atMost());
                    }
                    if (c.layer() != 0) {
                        out.field("layer", c.layer());
                    }
                    if (c.step() != 0) {
                        out.field("step", c.step());
                    }
                    if (c.run() != 0) {
                        out.field("run", c.run());
                    }
                    out.endObject();
                }
                out.endArray();
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void writeAction(JsonOut out, LessonStep.Action a) {
        out.startInlineObject();
        switch (a.kind()) {
            case SET -> {
                out.field("set").startInlineObject();
                a.values().forEach(out::field);
                out.endObject();
            }
            case RESET, STEPPER, SURFACE -> out.field(a.kind().id(), true);
            case TRAIN, STEP, FREEZE -> out.field(a.kind().id(), a.count());
            case DATA -> out.field("data", a.values().get("dataset")).field("keepWeights", a.keepWeights());
            case MOVE -> {
                out.field("moveTo", a.values().get("dataset")).field("freezeBase", a.freezeBase());
                if (a.values().containsKey("lora")) {
                    out.field("lora", a.values().get("lora"));
                }
            }
            case RACE -> {
                out.field("race").startInlineObject();
                out.field("setting", a.values().get("setting"));
                out.field("values").startInlineArray();
                for (String v : a.raceValues()) {
                    writeValue(out, v);
                }
                out.endArray();
                if (a.values().containsKey("taskB")) {
                    out.field("taskB", a.values().get("taskB"));
                }
                out.endObject();
                out.field("epochs", a.count());
            }
        }
        out.endObject();
    }

    /** A value that reads as a number is written as one (as lesson files give learning rates). */
    private static void writeValue(JsonOut out, String v) {
        if (v.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?")) {
            out.value(Double.parseDouble(v));
        } else {
            out.value(v);
        }
    }
}
