/// Evaluation of a ranking against graded gold quotes (to be written).
public enum Evaluation {}
