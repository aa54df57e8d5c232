using Stateless;

namespace IvrEngine.Calls;

// The pooled, configured state machine a call runs on, and its triggers.
public sealed partial class CallSession
{
    /// <summary>
    /// A configured call state machine. Configuring Stateless for the call's eight states costs more
    /// than the rest of a short call, so machines are configured once and reused: each serves one call
    /// at a time (<see cref="Session"/>, the state kept in that call), and is given back when it ends.
    /// One pool for the process, not one per thread: a simulation's weeks run on whichever pool thread
    /// is free, and per-thread pools each kept a week's worth of machines for every thread that ever ran
    /// one, so memory grew with the weeks simulated. A lock is cheap beside a call.
    /// </summary>
    private sealed class CallMachine
    {
        private const int PoolLimit = 4096;

        private static readonly Stack<CallMachine> Pool = new();
        private static readonly Lock PoolGate = new();

        private static long s_configured;

        private CallMachine()
        {
            Interlocked.Increment(ref s_configured);
            // Stateless reads the state once on construction, before any call is bound: Greeting then.
            Machine = new StateMachine<CallState, CallTrigger>(() => Session?._state ?? CallState.Greeting, state => Session!._state = state, FiringMode.Queued);
            Digit = Machine.SetTriggerParameters<char>(CallTrigger.Digit);
            Speech = Machine.SetTriggerParameters<string>(CallTrigger.Speech);
            EnterNode = Machine.SetTriggerParameters<NodeEntry>(CallTrigger.EnterNode);
            Transfer = Machine.SetTriggerParameters<TransferRequest>(CallTrigger.Transfer);
            End = Machine.SetTriggerParameters<CallOutcome>(CallTrigger.End);
            AgentAnswered = Machine.SetTriggerParameters<string>(CallTrigger.AgentAnswered);
            HandOff = Machine.SetTriggerParameters<string>(CallTrigger.HandOff);
            Overflow = Machine.SetTriggerParameters<LeaveRequest>(CallTrigger.Overflow);
            Configure(this);
        }

        /// <summary>How many machines have been configured in this process (the pool's misses).</summary>
        public static long Configured => Interlocked.Read(ref s_configured);

        /// <summary>A machine never rented: what the triggers are, for calls whose machine has gone back.</summary>
        public static CallMachine Shape { get; } = new();

        /// <summary>The call this machine runs now.</summary>
        public CallSession? Session { get; private set; }

        public StateMachine<CallState, CallTrigger> Machine { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<char> Digit { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> Speech { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<NodeEntry> EnterNode { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<TransferRequest> Transfer { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<CallOutcome> End { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> AgentAnswered { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> HandOff { get; }

        public StateMachine<CallState, CallTrigger>.TriggerWithParameters<LeaveRequest> Overflow { get; }

        public static CallMachine Rent(CallSession session)
        {
            CallMachine? machine;
            lock (PoolGate) Pool.TryPop(out machine);
            machine ??= new CallMachine();
            machine.Session = session;
            return machine;
        }

        /// <summary>Stateless's own description of the machine (for diagrams).</summary>
        public static Stateless.Reflection.StateMachineInfo Describe() => Shape.Machine.GetInfo();

        public void Return()
        {
            Session = null;
            lock (PoolGate)
            {
                if (Pool.Count < PoolLimit) Pool.Push(this);
            }
        }
    }
}
