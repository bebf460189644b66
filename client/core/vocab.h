/* The model's vocabularies, each written once as an X-macro list (as tig's
 * request list): model.h makes the enums from them, model.c the names and
 * labels, the dossier screen its operations and their default keys, and
 * the sandbox takes its rules' words from the same enums. A list is
 * expanded with a macro X taking its columns, e.g.
 *
 *   #define NAME(id, bit, name, ...) [ACT_##id] = name,
 *   static const char *const names[] = { ACTIONS(NAME) };
 *
 * Adding an action is one line here, plus what it genuinely does
 * differently: its form (screens/act.c), its rule and effect
 * (sandbox/workflow.c), its word in each API dialect. N_() marks the
 * labels for translation; they are translated where shown. */
#ifndef MOTCUA_VOCAB_H
#define MOTCUA_VOCAB_H

/* Dossier actions: X(ID, bit, name, label, op help, key, irreversible)
 *   ID            ACT_ID of enum action
 *   bit           its value: a dossier's allowed set holds 1u << bit and the
 *                 store keeps that set, so a bit is never renumbered
 *   name          the stable name in profiles, the API, the outbox, the
 *                 command line; "dossier-" name is its operation
 *   label         what a clerk reads
 *   op help       the dossier screen's help for the operation
 *   key           the operation's default key on the dossier screen
 *   irreversible  it closes the dossier or spends its one apology: it
 *                 takes a reason, and the client asks y/n first
 * In the order the help lists them (the workflow's), not by bit. */
#define ACTIONS(X) \
	X(ACCEPT, 0, "accept", N_("Accept"), \
	  N_("Accept"), "a", false) \
	X(REFUSE, 1, "refuse", N_("Refuse"), \
	  N_("Refuse (asks)"), "x", true) \
	X(REQUEST_SUPPLEMENT, 2, "request-supplement", N_("Request supplement"), \
	  N_("Request a supplement"), "s", false) \
	X(RECEIVE_SUPPLEMENT, 3, "receive-supplement", N_("Receive supplement"), \
	  N_("Receive supplement"), "b", false) \
	X(ASSIGN, 4, "assign", N_("Assign"), \
	  N_("Assign"), "A", false) \
	X(FORWARD_SIGNING, 5, "forward-signing", N_("Forward for signing"), \
	  N_("Forward to sign"), "f", false) \
	X(APPROVE, 6, "approve", N_("Approve"), \
	  N_("Approve"), "p", false) \
	X(CONFIRM_PAYMENT, 12, "confirm-payment", N_("Confirm payment"), \
	  N_("Confirm payment"), "c", false) \
	X(RESULT_READY, 9, "result-ready", N_("Mark result ready"), \
	  N_("Result ready"), "d", false) \
	X(RETURN_RESULT, 10, "return-result", N_("Return result"), \
	  N_("Return result"), "R", false) \
	X(STOP, 7, "stop", N_("Stop processing"), \
	  N_("Stop: ineligible (asks)"), "X", true) \
	X(WITHDRAW, 8, "withdraw", N_("Withdraw"), \
	  N_("Withdraw (asks)"), "W", true) \
	/* apology with a new date, once per dossier */ \
	X(RESCHEDULE, 11, "reschedule", N_("Apologise and reschedule"), \
	  N_("Apology, new date (asks)"), "D", true)

/* Statuses, the national portal's codes 1..n:
 * X(ID, code, name, label, open, clock)
 *   open   not finished in any way
 *   clock  the processing clock runs: only then can a dossier be overdue
 *          (a new one has no due date yet; a supplement request stops the
 *          clock until the supplement comes) */
#define STATUSES(X) \
	/* registered online, not yet accepted */ \
	X(NEW, 1, "new", N_("New online"), true, false) \
	X(ACCEPTED, 2, "accepted", N_("Accepted"), true, true) \
	/* refused at reception */ \
	X(REFUSED, 3, "refused", N_("Refused"), false, false) \
	X(PROCESSING, 4, "processing", N_("Processing"), true, true) \
	/* supplement requested */ \
	X(SUPPLEMENT, 5, "supplement", N_("Supplement"), true, false) \
	/* financial obligation pending */ \
	X(PAYMENT, 6, "payment", N_("Fee due"), true, true) \
	X(WITHDRAWN, 7, "withdrawn", N_("Withdrawn"), false, false) \
	/* processing stopped, ineligible */ \
	X(STOPPED, 8, "stopped", N_("Stopped"), false, false) \
	/* processed, result waiting at the desk */ \
	X(RESULT_READY, 9, "result-ready", N_("Result ready"), false, false) \
	X(RETURNED, 10, "returned", N_("Returned"), false, false)

/* Channels, the national portal's codes 1..n: X(ID, code, name, label) */
#define CHANNELS(X) \
	X(DIRECT, 1, "direct", N_("At the desk")) \
	X(ONLINE, 2, "online", N_("Online")) \
	X(POSTAL, 3, "postal", N_("By post"))

/* Roles: X(ID, name, label) */
#define ROLES(X) \
	/* tiếp nhận và trả kết quả */ \
	X(RECEPTION, "reception", N_("Reception")) \
	/* chuyên viên thụ lý */ \
	X(SPECIALIST, "specialist", N_("Specialist")) \
	/* lãnh đạo: assigns and signs */ \
	X(LEADER, "leader", N_("Leader")) \
	/* văn thư: issues results */ \
	X(RECORDS, "records", N_("Records"))

/* Workflow steps (DOMAIN.md lifecycle), what a profile's "step"
 * vocabulary maps to: X(ID, name, label) */
#define STEPS(X) \
	X(RECEPTION, "reception", N_("Receiving")) \
	X(ASSIGNMENT, "assignment", N_("Assigning")) \
	X(PROCESSING, "processing", N_("Examining")) \
	X(SIGNING, "signing", N_("Signing")) \
	X(ISSUE, "issue", N_("Issuing the result")) \
	X(RETURN, "return", N_("Returning the result")) \
	X(DONE, "done", N_("Completed"))

/* For counting a list: 0 LIST(VOCAB_ONE) is its length. */
#define VOCAB_ONE(...) + 1

#endif
